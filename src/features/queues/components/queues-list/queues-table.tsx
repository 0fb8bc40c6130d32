import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';
import { useHoursSummary } from '../use-hours-summary';
import { usageKey, useUsageText } from './usage-text';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  highlighted: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  usage: { margin: 0, padding: 0, listStyleType: 'none' },
  notUsed: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  numberColumn: { width: '90px' },
  actionsColumn: { width: '200px' },
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
  const highlightedRow = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    highlightedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [highlightId]);

  return (
    <Table aria-label={t('queues.list')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('queues.columns.name')}</TableHeaderCell>
          <TableHeaderCell className={styles.numberColumn}>{t('queues.columns.priority')}</TableHeaderCell>
          <TableHeaderCell className={styles.numberColumn}>{t('queues.columns.members')}</TableHeaderCell>
          <TableHeaderCell>{t('queues.columns.hours')}</TableHeaderCell>
          <TableHeaderCell>{t('queues.columns.usedBy')}</TableHeaderCell>
          <TableHeaderCell className={styles.actionsColumn}>{t('queues.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {queues.map((queue) => {
          const highlighted = queue.id === highlightId;
          return (
            <TableRow key={queue.id} ref={highlighted ? highlightedRow : undefined} className={mergeClasses(highlighted && styles.highlighted)}>
              <TableCell className={mergeClasses(styles.cell, styles.name)}>{queue.name}</TableCell>
              <TableCell className={styles.cell}>{queue.priority}</TableCell>
              <TableCell className={styles.cell}>{queue.members.length}</TableCell>
              <TableCell className={styles.cell}>{hoursSummary(queue.operatingHours)}</TableCell>
              <TableCell className={styles.cell}>
                {queue.usedBy.length === 0 ? (
                  <span className={styles.notUsed}>{t('queues.notUsed')}</span>
                ) : (
                  <ul className={styles.usage}>
                    {queue.usedBy.map((usage) => (
                      <li key={usageKey(usage)}>{usageText(usage)}</li>
                    ))}
                  </ul>
                )}
              </TableCell>
              <TableCell className={styles.cell}>
                <div className={styles.actions}>
                  <LinkButton to={paths.queue(queue.id)} size="small" icon={<EditRegular />} aria-label={t('queues.editQueue', { name: queue.name })}>
                    {t('common.edit')}
                  </LinkButton>
                  <Button size="small" icon={<DeleteRegular />} aria-label={t('queues.deleteQueue', { name: queue.name })} onClick={() => onDelete(queue)}>
                    {t('common.delete')}
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
