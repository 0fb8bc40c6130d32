import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBeforeUnload, useBlocker, type BlockerFunction } from 'react-router';
import { ConfirmDialog } from './confirm-dialog';

interface UnsavedChangesGuardProps {
  dirty: boolean;
  /** What the dialog asks and explains, in the words of the page it guards. */
  title: string;
  body: string;
}

/**
 * Asks before leaving the page while it has unsaved changes. Only a change of page
 * counts: switching tabs changes the query string and keeps the forms as they are.
 */
export function UnsavedChangesGuard({ dirty, title, body }: UnsavedChangesGuardProps) {
  const { t } = useTranslation();
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
    [dirty],
  );
  const blocker = useBlocker(shouldBlock);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (dirty) event.preventDefault();
      },
      [dirty],
    ),
  );

  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={title}
      confirmLabel={t('common.discard')}
      cancelLabel={t('common.keepEditing')}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {body}
    </ConfirmDialog>
  );
}
