import { HistoryRegular } from '@fluentui/react-icons';
import { EmptyState } from '@/components/empty-state';
import { Body1, Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useDocumentTitle } from '@/components/use-document-title';
import { auditQueries } from '@/resources/audit-events';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { useAuditFilters } from './use-audit-filters';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  heading: { ...typographyStyles.title2, margin: 0 },
  intro: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
  more: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  count: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, ':focus': { outlineStyle: 'none' } },
});

export function AuditLogPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { filters, active, setFilter, clear } = useAuditFilters();
  const log = useInfiniteQuery(auditQueries.list(filters));
  const countRef = useRef<HTMLSpanElement>(null);
  const events = log.data?.pages.flatMap((page) => page.items);
  useDocumentTitle(t('audit.title'));

  const loadOlder = async () => {
    const result = await log.fetchNextPage();
    // The button goes away with the last page: focus moves to what is said about the end, not to the page.
    if (!result.hasNextPage) countRef.current?.focus();
  };

  return (
    <div className={styles.root}>
      <div>
        <h1 className={styles.heading}>{t('audit.title')}</h1>
        <Body1 as="p" className={styles.intro}>
          {t('audit.intro')}
        </Body1>
      </div>
      <AuditFilters filters={filters} active={active} onChange={setFilter} onClear={clear} />
      {log.isPending && <Spinner label={t('common.loading')} />}
      {log.isError && !events && <ProblemAlert error={log.error} onRetry={() => void log.refetch()} />}
      {events && events.length === 0 && (
        <EmptyState
          icon={<HistoryRegular />}
          title={active ? t('audit.noMatchTitle') : t('audit.emptyTitle')}
          body={active ? t('audit.noMatchBody') : t('audit.emptyBody')}
        />
      )}
      {events && events.length > 0 && (
        <>
          <AuditTable events={events} />
          {log.isFetchNextPageError && <ProblemAlert error={log.error} onRetry={() => void loadOlder()} />}
          <div className={styles.more}>
            {log.hasNextPage && (
              <Button onClick={() => void loadOlder()} disabled={log.isFetchingNextPage} icon={log.isFetchingNextPage ? <Spinner size="tiny" /> : undefined}>
                {log.isFetchingNextPage ? t('audit.loadingOlder') : t('audit.loadOlder')}
              </Button>
            )}
            <span className={styles.count} ref={countRef} tabIndex={-1} role="status">
              {t('audit.shown', { count: events.length })}
              {!log.hasNextPage && (log.data?.pages.length ?? 0) > 1 && ` ${t('audit.endOfLog')}`}
            </span>
          </div>
        </>
      )}
    </div>
  );
}
