import { QueueOverviewPage } from '@/features/queues/components/overview/queue-overview-page';

export function Component() {
  return <QueueOverviewPage />;
}
