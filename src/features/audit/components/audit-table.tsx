import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@/api/contract/audit-event';
import { RouterLink } from '@/components/router-link';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { recordPath } from './record-path';

const useStyles = makeStyles({
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
  whenColumn: { width: '180px' },
  actionColumn: { width: '120px' },
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

  return (
    <Table aria-label={t('audit.list')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.whenColumn}>{t('audit.columns.when')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.columns.who')}</TableHeaderCell>
          <TableHeaderCell className={styles.actionColumn}>{t('audit.columns.action')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.columns.what')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.columns.changes')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => {
          const type = t(`audit.entityTypes.${event.entityType}`);
          const path = recordPath(event);
          return (
            <TableRow key={event.id}>
              <TableCell className={styles.cell}>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </TableCell>
              <TableCell className={styles.cell}>{event.actor.name}</TableCell>
              <TableCell className={styles.cell}>{t(`audit.actions.${event.action}`)}</TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.type}>{type}: </span>
                {path ? <RouterLink to={path}>{event.entityName}</RouterLink> : event.entityName}
              </TableCell>
              <TableCell className={styles.cell}>
                {event.changedFields.length === 0 ? (
                  <span className={styles.none}>{t('audit.noFields')}</span>
                ) : (
                  <ul className={styles.fields}>
                    {event.changedFields.map((field) => (
                      <li key={field}>{fieldLabels[field] ?? field}</li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
