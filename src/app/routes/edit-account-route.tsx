import { useParams } from 'react-router';
import { EditAccountPage } from '@/features/accounts/components/edit-account/edit-account-page';
import { TemplatesPanel } from '@/features/templates/components/templates-panel';

export function Component() {
  const { accountId = '' } = useParams();
  return <EditAccountPage accountId={accountId} templatesPanel={<TemplatesPanel accountId={accountId} />} />;
}
