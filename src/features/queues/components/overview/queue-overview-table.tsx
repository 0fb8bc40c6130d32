import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { QueueOverview } from '@/api/contract/queue';
import { ResourceTable } from '@/components/list-page/resource-table';
import { PresenceLabel } from '@/components/presence/presence-badge';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { useFormatRelativeTime } from '@/components/use-format-relative-time';

type OverviewItem = QueueOverview['items'][number] & { id: string };

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  members: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  member: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  full: { color: tokens.colorPaletteRedForeground1 },
});

export function QueueOverviewTable({ items, now }: { items: OverviewItem[]; now: Date }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const relative = useFormatRelativeTime();
  const formatDateTime = useFormatDateTime();
  return (
    <ResourceTable
      label={t('queues.overview.list')}
      items={items}
      cellClassName={styles.cell}
      columns={[
        { id: 'name', header: t('queues.columns.name'), className: styles.name, cell: (item) => item.name },
        {
          id: 'open',
          header: t('queues.overview.columns.open'),
          width: '110px',
          cell: (item) => (
            <Badge appearance="tint" color={item.open ? 'success' : 'warning'}>
              {item.open ? t('queues.overview.open') : t('queues.overview.closed')}
            </Badge>
          ),
        },
        {
          id: 'waiting',
          header: t('queues.overview.columns.waiting'),
          width: '170px',
          cell: (item) => (
            <>
              <span>{item.waiting}</span>
              {item.waitingForOpening > 0 && <div className={styles.muted}>{t('queues.overview.waitingForOpening', { count: item.waitingForOpening })}</div>}
            </>
          ),
        },
        {
          id: 'longest',
          header: t('queues.overview.columns.longestWait'),
          width: '170px',
          cell: (item) =>
            item.oldestWaitingSince === null ? (
              <span className={styles.muted}>{t('queues.overview.nobodyWaits')}</span>
            ) : (
              <time dateTime={item.oldestWaitingSince} title={formatDateTime(item.oldestWaitingSince)}>
                {t('queues.overview.since', { when: relative(item.oldestWaitingSince, now) })}
              </time>
            ),
        },
        {
          id: 'members',
          header: t('queues.overview.columns.members'),
          cell: (item) =>
            item.members.length === 0 ? (
              <span className={styles.muted}>{t('queues.overview.noMembers')}</span>
            ) : (
              <ul className={styles.members}>
                {item.members.map((member) => (
                  <li key={member.userId} className={styles.member}>
                    <span>{member.name}</span>
                    <PresenceLabel presence={member.presence} />
                    <span className={member.usedCapacity >= member.capacity ? styles.full : styles.muted}>
                      {t('queues.overview.capacity', { used: member.usedCapacity, total: member.capacity })}
                    </span>
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
