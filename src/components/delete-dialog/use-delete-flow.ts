import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { useNotify } from '../toast';

/** The part of a delete mutation the flow needs (a TanStack Query mutation fits). */
export interface DeleteMutation {
  mutate: (id: string, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

interface DeleteFlowOptions<T extends { id: string }> {
  record: T | null;
  mutation: DeleteMutation;
  /** The toast after the delete, naming the record. */
  doneMessage: (record: T) => string;
  onClose: () => void;
  /** After a delete: the row and its button are gone, so the page moves focus somewhere sensible. */
  onDeleted: () => void;
  /** Any other failure, after the dialog shows it (for example, fetch where it is used now). */
  onFailure?: (error: unknown) => void;
}

/**
 * Runs a delete from a {@link DeleteDialog}: the toast when done, a 404 (someone else
 * deleted it first) said plainly as the outcome that was asked for, any other failure
 * kept in the open dialog for another try.
 */
export function useDeleteFlow<T extends { id: string }>({ record, mutation, doneMessage, onClose, onDeleted, onFailure }: DeleteFlowOptions<T>) {
  const { t } = useTranslation();
  const notify = useNotify();
  const close = () => {
    mutation.reset();
    onClose();
  };
  const finish = (message: string, intent: 'success' | 'warning') => {
    notify(message, intent);
    close();
    onDeleted();
  };
  const confirm = () => {
    if (!record || mutation.isPending) return;
    mutation.mutate(record.id, {
      onSuccess: () => finish(doneMessage(record), 'success'),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 404) finish(t('errors.notFound'), 'warning');
        else onFailure?.(error);
      },
    });
  };
  return { confirm, close, busy: mutation.isPending, error: mutation.error };
}
