import { useSessionUser } from '@/features/auth/components/gate/use-session-user';
import { ConversationsPage } from '@/features/conversations/components/list/conversations-page';

export function Component() {
  // Only administrators may list every queue; agents filter by the queues they see conversations in.
  const isAdmin = useSessionUser()?.role === 'admin';
  return <ConversationsPage canListQueues={isAdmin} />;
}
