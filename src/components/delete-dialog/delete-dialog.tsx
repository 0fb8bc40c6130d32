import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../confirm-dialog';
import { ProblemAlert } from '../problem-alert';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface DeleteDialogProps {
  open: boolean;
  title: string;
  /**
   * The record is still in use and cannot go yet: the content says where, and the
   * dialog offers only Close.
   */
  blocked?: boolean;
  confirmLabel?: string;
  busyLabel?: string;
  busy: boolean;
  /** Why the last attempt failed; shown above the content, the dialog stays open. */
  error: unknown;
  /** The failure in the words of this record (a refusal the server gave), instead of the general text. */
  refusal?: string | null;
  /** Also list the server's field messages, for a delete refused by a rule. */
  explainFieldErrors?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** What goes with the record, or where it is used. */
  children: ReactNode;
}

/** Asks before deleting a record, saying where it is used; refuses while it must not go. */
export function DeleteDialog({
  open,
  title,
  blocked = false,
  confirmLabel,
  busyLabel,
  busy,
  error,
  refusal,
  explainFieldErrors,
  onConfirm,
  onCancel,
  children,
}: DeleteDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ConfirmDialog
      open={open}
      canConfirm={!blocked}
      title={title}
      confirmLabel={confirmLabel ?? t('common.delete')}
      busyLabel={busyLabel ?? t('common.deleting')}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <div className={styles.body}>
        {error != null &&
          (refusal ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{refusal}</MessageBarBody>
            </MessageBar>
          ) : (
            <ProblemAlert error={error} explainFieldErrors={explainFieldErrors} />
          ))}
        {children}
      </div>
    </ConfirmDialog>
  );
}
