import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MessageTemplate } from '@/api/contract/message-template';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ProblemAlert } from '@/components/problem-alert';
import { useLanguageNames } from './use-language-names';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface DeleteTemplateDialogProps {
  /** Kept while the dialog closes, so its title does not go blank. */
  template: MessageTemplate | null;
  open: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteTemplateDialog({ template, open, busy, error, onConfirm, onCancel }: DeleteTemplateDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { nameOf } = useLanguageNames();
  const label = { name: template?.name ?? '', language: template ? nameOf(template.language) : '' };
  return (
    <ConfirmDialog
      open={open}
      title={t('templates.deleteTitle', label)}
      confirmLabel={t('common.delete')}
      busyLabel={t('common.deleting')}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <div className={styles.body}>
        {error != null && <ProblemAlert error={error} />}
        <Body1>{t('templates.deleteBody', label)}</Body1>
      </div>
    </ConfirmDialog>
  );
}
