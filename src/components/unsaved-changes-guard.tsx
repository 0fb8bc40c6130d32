import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBeforeUnload, useBlocker, type BlockerFunction } from 'react-router';
import { ConfirmDialog } from './confirm-dialog';

interface UnsavedChangesGuardOptions {
  dirty: boolean;
  /** What the dialog asks and explains, in the words of the page it guards. */
  title: string;
  body: string;
}

/**
 * Asks before leaving the page while it has unsaved changes. Only a change of page
 * counts: switching tabs changes the query string and keeps the forms as they are.
 * `allowNextNavigation` lets a successful save move on at once, before the form's clean
 * state has rendered. Render `dialog` anywhere in the page.
 */
export function useUnsavedChangesGuard({ dirty, title, body }: UnsavedChangesGuardOptions) {
  const { t } = useTranslation();
  const allowed = useRef(false);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
    [dirty],
  );
  const blocker = useBlocker(shouldBlock);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (dirty && !allowed.current) event.preventDefault();
      },
      [dirty],
    ),
  );

  const dialog = (
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

  return {
    dialog,
    allowNextNavigation: () => {
      allowed.current = true;
    },
  };
}
