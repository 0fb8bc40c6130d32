import { useParams } from 'react-router';
import { EditWorkstreamPage } from '@/features/workstreams/components/edit-workstream/edit-workstream-page';

export function Component() {
  const { workstreamId = '' } = useParams();
  return <EditWorkstreamPage workstreamId={workstreamId} />;
}
