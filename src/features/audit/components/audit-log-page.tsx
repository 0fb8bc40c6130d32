import { HistoryRegular } from '@fluentui/react-icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page/list-page';
import { LoadMore } from '@/components/list-page/load-more';
import { auditQueries } from '@/resources/audit-events';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { useAuditFilters } from './use-audit-filters';

export function AuditLogPage() {
  const { t } = useTranslation();
  const { filters, active, setFilter, clear } = useAuditFilters();
  const log = useInfiniteQuery(auditQueries.list(filters));
  const events = log.data?.pages.flatMap((page) => page.items);

  return (
    <ListPage
      title={t('audit.title')}
      intro={t('audit.intro')}
      filters={<AuditFilters filters={filters} active={active} onChange={setFilter} onClear={clear} />}
      items={events}
      error={log.error}
      onRetry={() => void log.refetch()}
      empty={{
        icon: <HistoryRegular />,
        title: active ? t('audit.noMatchTitle') : t('audit.emptyTitle'),
        body: active ? t('audit.noMatchBody') : t('audit.emptyBody'),
      }}
    >
      {(loaded) => (
        <>
          <AuditTable events={loaded} />
          <LoadMore
            hasMore={log.hasNextPage}
            loading={log.isFetchingNextPage}
            error={log.isFetchNextPageError ? log.error : null}
            onLoadMore={() => log.fetchNextPage()}
            label={t('audit.loadOlder')}
            loadingLabel={t('audit.loadingOlder')}
            status={`${t('audit.shown', { count: loaded.length })}${!log.hasNextPage && (log.data?.pages.length ?? 0) > 1 ? ` ${t('audit.endOfLog')}` : ''}`}
          />
        </>
      )}
    </ListPage>
  );
}
