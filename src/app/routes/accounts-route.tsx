import { AccountsPage } from '@/features/accounts/components/accounts-list/accounts-page';

export function Component() {
  return <AccountsPage />;
}
