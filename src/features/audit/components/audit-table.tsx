import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@/api/contract/audit-event';
import { ResourceTable } from '@/components/list-page/resource-table';
import { RouterLink } from '@/components/router-link';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { recordPath } from './record-path';

const useStyles = makeStyles({
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
  type: { color: tokens.colorNeutralForeground2 },
  fields: { margin: 0, padding: 0, listStyleType: 'none' },
  none: { color: tokens.colorNeutralForeground2 },
});

/** The log as a table, newest first; the page decides how many events it holds. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const fieldLabels: Record<string, string | undefined> = t('audit.fields', { returnObjects: true });
  const renumberText = ({ from, to, workstream }: NonNullable<AuditEvent['renumbered']>) =>
    workstream ? t('audit.renumberedFor', { from, to, workstream: workstream.name }) : t('audit.renumbered', { from, to });

  return (
    <ResourceTable
      label={t('audit.list')}
      items={events}
      cellClassName={styles.cell}
      columns={[
        { id: 'when', header: t('audit.columns.when'), width: '180px', cell: (event) => <time dateTime={event.at}>{formatDateTime(event.at)}</time> },
        { id: 'who', header: t('audit.columns.who'), cell: (event) => event.actor.name },
        { id: 'action', header: t('audit.columns.action'), width: '120px', cell: (event) => t(`audit.actions.${event.action}`) },
        {
          id: 'what',
          header: t('audit.columns.what'),
          cell: (event) => {
            const path = recordPath(event);
            return (
              <>
                <span className={styles.type}>{t(`audit.entityTypes.${event.entityType}`)}: </span>
                {path ? <RouterLink to={path}>{event.entityName}</RouterLink> : event.entityName}
              </>
            );
          },
        },
        {
          id: 'changes',
          header: t('audit.columns.changes'),
          cell: (event) =>
            event.changedFields.length === 0 ? (
              <span className={styles.none}>{t('audit.noFields')}</span>
            ) : (
              <ul className={styles.fields}>
                {event.changedFields.map((field) => (
                  <li key={field}>{fieldLabels[field] ?? field}</li>
                ))}
                {event.renumbered && <li>{renumberText(event.renumbered)}</li>}
              </ul>
            ),
        },
      ]}
    />
  );
}
