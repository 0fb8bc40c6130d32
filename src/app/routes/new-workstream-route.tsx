import { NewWorkstreamPage } from '@/features/workstreams/components/new-workstream/new-workstream-page';

export function Component() {
  return <NewWorkstreamPage />;
}
