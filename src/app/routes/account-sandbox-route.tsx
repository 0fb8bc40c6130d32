import { useParams } from 'react-router';
import { SandboxChecklistPage } from '@/features/sandbox/components/sandbox-checklist-page';

export function Component() {
  const { accountId = '' } = useParams();
  return <SandboxChecklistPage accountId={accountId} />;
}
