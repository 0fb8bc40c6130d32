import { useParams } from 'react-router';
import { EditAccountPage } from '@/features/accounts/components/edit-account/edit-account-page';

export function Component() {
  const { accountId = '' } = useParams();
  return <EditAccountPage accountId={accountId} />;
}
