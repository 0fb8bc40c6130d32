import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadById } from '@/components/load-by-id';
import { paths } from '@/config/paths';
import { queueQueries } from '@/resources/queues';
import { routingRuleQueries } from '@/resources/routing-rules';
import { workstreamQueries } from '@/resources/workstreams';
import { RoutingRulesEditor } from './routing-rules-editor';

export function RoutingRulesPage({ workstreamId }: { workstreamId: string }) {
  const { t } = useTranslation();
  const workstream = useQuery(workstreamQueries.detail(workstreamId));
  const rules = useQuery(routingRuleQueries.forWorkstream(workstreamId));
  const queues = useQuery(queueQueries.list());
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
