import { useLocation } from 'react-router';
import { SetupPage } from '@/features/auth/components/setup/setup-page';
import { setupTokenFrom } from '@/features/auth/setup-token';

export function Component() {
  const location = useLocation();
  return <SetupPage token={setupTokenFrom(location)} />;
}
