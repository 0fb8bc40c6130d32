import { Outlet } from 'react-router';
import { RoleRequiredPage } from './role-required-page';
import { useSessionUser } from './use-session-user';

/** Channel configuration is for administrators; anyone else is told so instead of meeting a failing page. */
export function RequireAdmin() {
  const user = useSessionUser();
  return user?.role === 'admin' ? <Outlet /> : <RoleRequiredPage name={user?.name ?? ''} />;
}
