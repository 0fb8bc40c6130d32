import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadById } from '@/components/load-by-id';
import { paths } from '@/config/paths';
import { routingQueries } from '@/features/routing/api/routing-queries';
import { RoutingRulesEditor } from './routing-rules-editor';

export function RoutingRulesPage({ workstreamId }: { workstreamId: string }) {
  const { t } = useTranslation();
  const workstream = useQuery(routingQueries.workstream(workstreamId));
  const rules = useQuery(routingQueries.rules(workstreamId));
  const queues = useQuery(routingQueries.queues());
  const loaded = workstream.data && rules.data && queues.data ? { workstream: workstream.data, ruleSet: rules.data, queues: queues.data.items } : undefined;
  const failed = [workstream, rules, queues].find((query) => query.isError);
  return (
    <LoadById
      data={loaded}
      error={failed?.error ?? null}
      onRetry={() => void failed?.refetch()}
      back={{ to: paths.workstreams, label: t('routing.backToWorkstreams') }}
    >
      {(data) => <RoutingRulesEditor key={workstreamId} {...data} />}
    </LoadById>
  );
}
