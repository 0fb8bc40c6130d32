import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WhatsAppNumber } from '@/api/contract/whatsapp-number';
import { ApiError } from '@/api/problem';
import { DeleteDialog } from '@/components/delete-dialog/delete-dialog';
import { RouterLink } from '@/components/router-link';
import { paths } from '@/config/paths';

export interface RemoveNumberDialogProps {
  /** The number asked about; kept while the dialog closes so its title does not go blank. */
  number: WhatsAppNumber | null;
  open: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The server's answer when the number is the account's last (another admin removed the others). */
export function isLastNumberRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.fieldErrors.some((fieldError) => fieldError.code === 'numbers.required');
}

export function RemoveNumberDialog({ number, open, busy, error, onConfirm, onCancel }: RemoveNumberDialogProps) {
  const { t } = useTranslation();
  const workstream = number?.workstream ?? null;
  return (
    <DeleteDialog
      open={open}
      blocked={workstream !== null}
      title={t(workstream ? 'numbers.removeBlockedTitle' : 'numbers.removeTitle', { number: number?.number ?? '' })}
      confirmLabel={t('common.remove')}
      busyLabel={t('numbers.removing')}
      busy={busy}
      error={error}
      refusal={isLastNumberRefusal(error) ? t('numbers.lastNumber') : null}
      explainFieldErrors
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {workstream ? (
        <Body1>
          {t('numbers.inUseBody', { workstream: workstream.name })}{' '}
          <RouterLink to={paths.workstream(workstream.id)}>{t('numbers.openWorkstream', { workstream: workstream.name })}</RouterLink>
        </Body1>
      ) : (
        <Body1>{t('numbers.removeBody')}</Body1>
      )}
    </DeleteDialog>
  );
}
