import { Navigate } from 'react-router';
import { paths } from '@/config/paths';
import { useSessionUser } from './use-session-user';

/** The start page depends on the role: administrators configure channels, agents answer conversations. */
export function HomeRedirect() {
  const user = useSessionUser();
  return <Navigate to={user?.role === 'admin' ? paths.accounts : paths.conversations} replace />;
}
