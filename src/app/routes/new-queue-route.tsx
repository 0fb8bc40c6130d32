import { NewQueuePage } from '@/features/queues/components/queue-form/new-queue-page';

export function Component() {
  return <NewQueuePage />;
}
