import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { ApiError } from '@/api/problem';
import { DeleteDialog } from '@/components/delete-dialog/delete-dialog';
import { UsageList } from '@/components/delete-dialog/usage-list';
import { useDeleteFlow } from '@/components/delete-dialog/use-delete-flow';
import { paths } from '@/config/paths';
import { queueQueries, useDeleteQueue } from '@/resources/queues';
import { useResourceCache } from '@/resources/use-resource-cache';
import { usageKey, useUsageText } from './usage-text';

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
  const cache = useResourceCache();
  const usageText = useUsageText();
  const flow = useDeleteFlow({
    record: queue,
    mutation: useDeleteQueue(),
    doneMessage: (deleted) => t('queues.deleted', { name: deleted.name }),
    onClose,
    onDeleted,
    // It came into use meanwhile: fetch where, so the dialog can name it.
    onFailure: (error) => {
      if (isRefusedInUse(error)) void cache.invalidate(queueQueries.all());
    },
  });
  const blocked = (queue?.usedBy.length ?? 0) > 0;
  const members = queue?.members.map((m) => m.name).join(', ') ?? '';

  return (
    <DeleteDialog
      open={queue !== null}
      blocked={blocked}
      title={queue ? t(blocked ? 'queues.deleteBlockedTitle' : 'queues.deleteTitle', { name: queue.name }) : ''}
      busy={flow.busy}
      error={flow.error}
      refusal={isRefusedInUse(flow.error) ? t('queues.refused') : null}
      onConfirm={flow.confirm}
      onCancel={flow.close}
    >
      {queue &&
        (blocked ? (
          <>
            <Body1 as="p">{t('queues.deleteBlockedBody')}</Body1>
            <UsageList
              spaced
              items={queue.usedBy.map((usage) => ({
                key: usageKey(usage),
                to: usage.kind === 'workstream' ? paths.workstream(usage.id) : paths.routingRules(usage.workstreamId),
                content: usageText(usage, true),
              }))}
            />
          </>
        ) : (
          <>
            <Body1 as="p">{t('queues.deleteBody')}</Body1>
            {queue.members.length > 0 && <Body1 as="p">{t('queues.deleteMembers', { count: queue.members.length, names: members })}</Body1>}
          </>
        ))}
    </DeleteDialog>
  );
}
