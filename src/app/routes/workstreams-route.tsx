import { WorkstreamsPage } from '@/features/workstreams/components/workstreams-list/workstreams-page';

export function Component() {
  return <WorkstreamsPage />;
}
