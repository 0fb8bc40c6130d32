import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadById } from '@/components/load-by-id';
import { RouterLink } from '@/components/router-link';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { conversationQueries } from '@/resources/conversations';
import { useConversationLiveUpdates } from '@/resources/conversations-live';
import { useLiveStatus } from '@/resources/live/live-channel';
import { Composer } from '../composer/composer';
import { customerName } from '../customer-name';
import { LiveStatusBadge } from '../live/live-status';
import { BotPanel } from './bot-panel';
import { ConversationActions } from './conversation-actions';
import { ConversationHeader } from './conversation-header';
import { MessageHistory } from './message-history';
import { WaitingNotice } from './waiting-notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

export function ConversationPage({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  useConversationLiveUpdates();
  const live = useLiveStatus();
  const conversation = useQuery(conversationQueries.detail(conversationId));
  const data = conversation.data;
  useDocumentTitle(data ? customerName(data) : t('conversations.title'));

  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <RouterLink to={paths.conversations}>{t('conversations.back')}</RouterLink>
        <LiveStatusBadge status={live} />
      </div>
      <LoadById data={data} error={conversation.error} onRetry={() => void conversation.refetch()} heading={t('conversations.title')}>
        {(loaded) => (
          <>
            <ConversationHeader conversation={loaded} />
            <WaitingNotice conversation={loaded} />
            <ConversationActions conversation={loaded} />
            <BotPanel conversation={loaded} />
            <MessageHistory conversationId={loaded.id} customer={customerName(loaded)} />
            <Composer conversation={loaded} />
          </>
        )}
      </LoadById>
    </div>
  );
}
