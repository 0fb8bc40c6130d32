import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MessageTemplate } from '@/api/contract/message-template';
import { DeleteDialog } from '@/components/delete-dialog/delete-dialog';
import { useLanguageNames } from './use-language-names';

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
  const { nameOf } = useLanguageNames();
  const label = { name: template?.name ?? '', language: template ? nameOf(template.language) : '' };
  return (
    <DeleteDialog open={open} title={t('templates.deleteTitle', label)} busy={busy} error={error} onConfirm={onConfirm} onCancel={onCancel}>
      <Body1>{t('templates.deleteBody', label)}</Body1>
    </DeleteDialog>
  );
}
