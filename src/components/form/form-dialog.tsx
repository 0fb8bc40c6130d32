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
import { createContext, useContext, useEffect, useRef, useState, type FormEventHandler, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../confirm-dialog';
import { useRestoreFocus } from '../use-restore-focus';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  compact: { gap: tokens.spacingVerticalM },
});

// The form inside knows whether closing would lose what was typed, so Escape asks it.
const CancelRequestContext = createContext<RefObject<(() => void) | null> | null>(null);

interface FormDialogProps {
  open: boolean;
  /** While saving, Escape and the backdrop do not close it: what is typed must not vanish mid-save. */
  busy?: boolean;
  /** Called by Escape and the backdrop when no form inside handles them (its Cancel does). */
  onDismiss: () => void;
  /** For a dialog wider than Fluent's default (a form beside a preview, rows of conditions). */
  surfaceClassName?: string;
  /**
   * A component holding the one react-hook-form form and rendering {@link FormDialogForm};
   * give it a new key per opening so it starts afresh from the record.
   */
  children: ReactNode;
}

/**
 * A modal dialog around one form; Escape does what the form's Cancel does, and focus goes
 * back to what opened it when it closes.
 */
export function FormDialog({ open, busy = false, onDismiss, surfaceClassName, children }: FormDialogProps) {
  useRestoreFocus(open);
  const formCancelRef = useRef<(() => void) | null>(null);
  const dismiss = () => (formCancelRef.current ?? onDismiss)();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && !busy && dismiss()}>
      <DialogSurface className={surfaceClassName}>
        <CancelRequestContext.Provider value={formCancelRef}>{children}</CancelRequestContext.Provider>
      </DialogSurface>
    </Dialog>
  );
}

/** What Cancel and Escape ask before they throw away what was typed. */
export interface DiscardQuestion {
  title: string;
  body: ReactNode;
}

interface FormDialogFormProps {
  title: string;
  /** The form's submit, usually react-hook-form's handleSubmit(save). */
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** Saving: the submit button says so with `busyLabel`, Cancel waits. */
  busy?: boolean;
  submitLabel: string;
  busyLabel?: string;
  onCancel: () => void;
  /** Given while something typed would be lost: Cancel and Escape ask this first (Discard / Keep editing). */
  askBeforeDiscard?: DiscardQuestion | false;
  /** Fields sit closer together (short forms of several fields). */
  compact?: boolean;
  children: ReactNode;
}

/**
 * The form inside a {@link FormDialog}: title, fields, Cancel and the submit button. The
 * browser does not validate (the contract's schema does, with worded messages); a submit
 * while saving is announced as unavailable rather than taking focus away.
 */
export function FormDialogForm({
  title,
  onSubmit,
  busy = false,
  submitLabel,
  busyLabel,
  onCancel,
  askBeforeDiscard,
  compact = false,
  children,
}: FormDialogFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const question = askBeforeDiscard || null;
  const requestCancel = () => (question ? setAsking(true) : onCancel());
  useCancelRequest(requestCancel);
  return (
    <form noValidate onSubmit={onSubmit}>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={mergeClasses(styles.content, compact && styles.compact)}>{children}</DialogContent>
        <DialogActions>
          <Button type="button" onClick={requestCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" appearance="primary" aria-disabled={busy || undefined} icon={busy ? <Spinner size="tiny" /> : undefined}>
            {busy ? (busyLabel ?? submitLabel) : submitLabel}
          </Button>
        </DialogActions>
      </DialogBody>
      {question && (
        <ConfirmDialog
          open={asking}
          title={question.title}
          confirmLabel={t('common.discard')}
          cancelLabel={t('common.keepEditing')}
          onConfirm={onCancel}
          onCancel={() => setAsking(false)}
        >
          {question.body}
        </ConfirmDialog>
      )}
    </form>
  );
}

/** Hands the enclosing FormDialog what Escape should do, for as long as this form is mounted. */
function useCancelRequest(requestCancel: () => void) {
  const dialogCancelRef = useContext(CancelRequestContext);
  useEffect(() => {
    if (!dialogCancelRef) return;
    dialogCancelRef.current = requestCancel;
    return () => {
      dialogCancelRef.current = null;
    };
  });
}
