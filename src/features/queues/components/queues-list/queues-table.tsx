import { makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { ResourceTable } from '@/components/list-page/resource-table';
import { RowActions } from '@/components/list-page/row-actions';
import { paths } from '@/config/paths';
import { useHoursSummary } from '../use-hours-summary';
import { usageKey, useUsageText } from './usage-text';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  usage: { margin: 0, padding: 0, listStyleType: 'none' },
  notUsed: { color: tokens.colorNeutralForeground2 },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
});

interface QueuesTableProps {
  queues: Queue[];
  /** The queue just created, marked so the eye finds it. */
  highlightId: string | null;
  onDelete: (queue: Queue) => void;
}

export function QueuesTable({ queues, highlightId, onDelete }: QueuesTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const hoursSummary = useHoursSummary();
  const usageText = useUsageText();
  return (
    <ResourceTable
      label={t('queues.list')}
      items={queues}
      highlightId={highlightId}
      cellClassName={styles.cell}
      columns={[
        { id: 'name', header: t('queues.columns.name'), className: styles.name, name: (queue) => queue.name, cell: (queue) => queue.name },
        { id: 'priority', header: t('queues.columns.priority'), width: '90px', cell: (queue) => queue.priority },
        {
          id: 'members',
          header: t('queues.columns.members'),
          width: '130px',
          cell: (queue) => (
            <>
              {queue.members.length}
              {queue.pendingMembers.length > 0 && <div className={styles.notUsed}>{t('queues.pendingCount', { count: queue.pendingMembers.length })}</div>}
            </>
          ),
        },
        { id: 'hours', header: t('queues.columns.hours'), cell: (queue) => hoursSummary(queue.operatingHours) },
        {
          id: 'usedBy',
          header: t('queues.columns.usedBy'),
          cell: (queue) =>
            queue.usedBy.length === 0 ? (
              <span className={styles.notUsed}>{t('queues.notUsed')}</span>
            ) : (
              <ul className={styles.usage}>
                {queue.usedBy.map((usage) => (
                  <li key={usageKey(usage)}>{usageText(usage)}</li>
                ))}
              </ul>
            ),
        },
        {
          id: 'actions',
          header: t('queues.columns.actions'),
          width: '200px',
          cell: (queue) => (
            <RowActions
              actions={[
                { text: t('common.edit'), label: t('queues.editQueue', { name: queue.name }), icon: <EditRegular />, to: paths.queue(queue.id) },
                { text: t('common.delete'), label: t('queues.deleteQueue', { name: queue.name }), icon: <DeleteRegular />, onClick: () => onDelete(queue) },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
