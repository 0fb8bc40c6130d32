import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { conversationQueries } from '@/resources/conversations';
import { useConversationLiveUpdates } from '@/resources/conversations-live';
import { useLiveStatus } from '@/resources/live/live-channel';
import { Composer } from '../composer/composer';
import { customerName } from '../customer-name';
import { LiveStatusBadge } from '../live/live-status';
import { ConversationActions } from './conversation-actions';
import { ConversationHeader } from './conversation-header';
import { MessageHistory } from './message-history';

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
      {conversation.isPending && <Spinner label={t('common.loading')} />}
      {conversation.isError && !data && (
        <>
          <h1>{t('conversations.title')}</h1>
          <ProblemAlert error={conversation.error} onRetry={() => void conversation.refetch()} />
        </>
      )}
      {data && (
        <>
          <ConversationHeader conversation={data} />
          <ConversationActions conversation={data} />
          <MessageHistory conversationId={data.id} customer={customerName(data)} />
          <Composer conversation={data} />
        </>
      )}
    </div>
  );
}
