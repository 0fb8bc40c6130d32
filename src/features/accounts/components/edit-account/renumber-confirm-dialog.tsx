import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WhatsAppNumber } from '@/api/contract/whatsapp-number';
import { ConfirmDialog } from '@/components/confirm-dialog';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Whether changing this number's E.164 reaches past the account: a workstream or customers depend on it. */
export function renumberNeedsConfirmation(number: WhatsAppNumber): boolean {
  return number.workstream !== null || number.openConversations > 0;
}

export interface RenumberConfirmDialogProps {
  open: boolean;
  number: WhatsAppNumber;
  /** The E.164 typed, not yet saved. */
  to: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says what a renumber affects before it is saved: the workstream, open conversations, and Twilio's side. */
export function RenumberConfirmDialog({ open, number, to, busy, onConfirm, onCancel }: RenumberConfirmDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const from = number.number;
  return (
    <ConfirmDialog
      open={open}
      title={t('numbers.renumberTitle', { from, to })}
      confirmLabel={t('numbers.renumberConfirm')}
      busyLabel={t('common.saving')}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <ul className={styles.list}>
        {number.workstream && (
          <li>
            <Body1>{t('numbers.renumberWorkstream', { workstream: number.workstream.name, to })}</Body1>
          </li>
        )}
        {number.openConversations > 0 && (
          <li>
            <Body1>{t('numbers.renumberConversations', { count: number.openConversations, from })}</Body1>
          </li>
        )}
        <li>
          <Body1>{t('numbers.renumberTwilio', { to })}</Body1>
        </li>
      </ul>
    </ConfirmDialog>
  );
}
