import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRestoreFocus } from '../use-restore-focus';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  compact: { gap: tokens.spacingVerticalM },
});

interface FormDialogProps {
  open: boolean;
  /** While saving, Escape and the backdrop do not close it: what is typed must not vanish mid-save. */
  busy: boolean;
  onDismiss: () => void;
  /**
   * A component holding the one react-hook-form form and rendering {@link FormDialogForm};
   * give it a new key per opening so it starts afresh from the record.
   */
  children: ReactNode;
}

/** A modal dialog around one form; focus goes back to what opened it when it closes. */
export function FormDialog({ open, busy, onDismiss, children }: FormDialogProps) {
  useRestoreFocus(open);
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && !busy && onDismiss()}>
      <DialogSurface>{children}</DialogSurface>
    </Dialog>
  );
}

interface FormDialogFormProps {
  title: string;
  /** The form's submit, usually react-hook-form's handleSubmit(save). */
  onSubmit: FormEventHandler<HTMLFormElement>;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
  /** Fields sit closer together (short forms of several fields). */
  compact?: boolean;
  children: ReactNode;
}

/**
 * The form inside a {@link FormDialog}: title, fields, Cancel and the submit button. The
 * browser does not validate (the contract's schema does, with worded messages); a submit
 * while saving is announced as unavailable rather than taking focus away.
 */
export function FormDialogForm({ title, onSubmit, busy, submitLabel, busyLabel, onCancel, compact = false, children }: FormDialogFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <form noValidate onSubmit={onSubmit}>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={mergeClasses(styles.content, compact && styles.compact)}>{children}</DialogContent>
        <DialogActions>
          <Button type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" appearance="primary" aria-disabled={busy || undefined} icon={busy ? <Spinner size="tiny" /> : undefined}>
            {busy ? busyLabel : submitLabel}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
