import { useParams } from 'react-router';
import { ConversationPage } from '@/features/conversations/components/conversation/conversation-page';

export function Component() {
  const { conversationId = '' } = useParams();
  // Keyed: another conversation starts with its own composer and history, nothing carried over.
  return <ConversationPage key={conversationId} conversationId={conversationId} />;
}
