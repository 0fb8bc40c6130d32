import { useParams } from 'react-router';
import { EditQueuePage } from '@/features/queues/components/queue-form/edit-queue-page';

export function Component() {
  const { queueId = '' } = useParams();
  return <EditQueuePage queueId={queueId} />;
}
