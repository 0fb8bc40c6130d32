import { NewAccountWizard } from '@/features/accounts/components/new-account/new-account-wizard';

export function Component() {
  return <NewAccountWizard />;
}
