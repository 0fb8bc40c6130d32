import { useParams } from 'react-router';
import { RoutingRulesPage } from '@/features/routing/components/routing-rules-page';

export function Component() {
  const { workstreamId = '' } = useParams();
  return <RoutingRulesPage workstreamId={workstreamId} />;
}
