import { QueuesPage } from '@/features/queues/components/queues-list/queues-page';

export function Component() {
  return <QueuesPage />;
}
