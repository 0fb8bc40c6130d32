import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { useNotify } from '@/components/toast';
import { paths } from '@/config/paths';
import { queueQueries, useDeleteQueue } from '@/resources/queues';
import { useResourceCache } from '@/resources/use-resource-cache';
import { usageKey, useUsageText } from './usage-text';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface DeleteQueueDialogProps {
  /** The queue to delete, as the list shows it now; the dialog is open while this is set. */
  queue: Queue | null;
  onClose: () => void;
  onDeleted: () => void;
}

const isRefusedInUse = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && error.fieldErrors.some((e) => e.code === 'queue.inUse');

/**
 * Says what a delete affects before anything happens. A queue that conversations still
 * reach cannot go: the dialog names each workstream and rule to change first, with links.
 */
export function DeleteQueueDialog({ queue, onClose, onDeleted }: DeleteQueueDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const cache = useResourceCache();
  const usageText = useUsageText();
  const remove = useDeleteQueue();
  const blocked = (queue?.usedBy.length ?? 0) > 0;
  const refused = isRefusedInUse(remove.error);

  const close = () => {
    remove.reset();
    onClose();
  };
  const finish = (message: string, intent: 'success' | 'warning') => {
    notify(message, intent);
    close();
    onDeleted();
  };
  const confirm = () => {
    if (!queue || remove.isPending) return;
    remove.mutate(queue.id, {
      onSuccess: () => finish(t('queues.deleted', { name: queue.name }), 'success'),
      onError: (error) => {
        // Someone else deleted it first: the outcome the user asked for, said plainly.
        if (error instanceof ApiError && error.status === 404) finish(t('errors.notFound'), 'warning');
        // It came into use meanwhile: fetch where, so the dialog can name it.
        else if (isRefusedInUse(error)) void cache.invalidate(queueQueries.all());
      },
    });
  };

  const members = queue?.members.map((m) => m.name).join(', ') ?? '';

  return (
    <ConfirmDialog
      open={queue !== null}
      canConfirm={!blocked}
      title={queue ? t(blocked ? 'queues.deleteBlockedTitle' : 'queues.deleteTitle', { name: queue.name }) : ''}
      confirmLabel={t('common.delete')}
      busyLabel={t('common.deleting')}
      busy={remove.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      {queue && (
        <div className={styles.body}>
          {refused && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{t('queues.refused')}</MessageBarBody>
            </MessageBar>
          )}
          {blocked ? (
            <>
              <Body1 as="p">{t('queues.deleteBlockedBody')}</Body1>
              <ul className={styles.list}>
                {queue.usedBy.map((usage) => (
                  <li key={usageKey(usage)}>
                    <RouterLink to={usage.kind === 'workstream' ? paths.workstream(usage.id) : paths.routingRules(usage.workstreamId)}>
                      {usageText(usage, true)}
                    </RouterLink>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <Body1 as="p">{t('queues.deleteBody')}</Body1>
              {queue.members.length > 0 && <Body1 as="p">{t('queues.deleteMembers', { count: queue.members.length, names: members })}</Body1>}
            </>
          )}
          {remove.isError && !refused && <ProblemAlert error={remove.error} />}
        </div>
      )}
    </ConfirmDialog>
  );
}
