import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/api/contract/conversation';
import { ResourceTable } from '@/components/list-page/resource-table';
import { RouterLink } from '@/components/router-link';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { paths } from '@/config/paths';
import { replyWindow } from '@/domain/conversation-window';
import { customerName } from '../customer-name';
import { WindowBadge } from '../window-badge';

const useStyles = makeStyles({
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  secondary: { color: tokens.colorNeutralForeground2 },
  preview: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '40ch' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  none: { color: tokens.colorNeutralForeground3 },
});

/** One row per conversation; the customer's name is the link to it, so Tab goes from one to the next. */
export function ConversationsTable({ conversations, now }: { conversations: Conversation[]; now: Date }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();

  return (
    <ResourceTable
      label={t('conversations.list')}
      items={conversations}
      cellClassName={styles.cell}
      columns={[
        {
          id: 'customer',
          header: t('conversations.columns.customer'),
          cell: (conversation) => (
            <div className={styles.stack}>
              <span className={styles.name}>
                <RouterLink to={paths.conversation(conversation.id)}>{customerName(conversation)}</RouterLink>
              </span>
              <Caption1 className={styles.secondary}>{conversation.customer.phone}</Caption1>
            </div>
          ),
        },
        {
          id: 'lastMessage',
          header: t('conversations.columns.lastMessage'),
          cell: (conversation) => (
            <div className={styles.stack}>
              <span className={styles.preview} title={conversation.lastMessagePreview}>
                {conversation.lastMessagePreview || <span className={styles.none}>{t('conversations.noPreview')}</span>}
              </span>
              <Caption1 className={styles.secondary}>
                <time dateTime={conversation.lastMessageAt}>{formatDateTime(conversation.lastMessageAt)}</time>
              </Caption1>
            </div>
          ),
        },
        {
          id: 'queue',
          header: t('conversations.columns.queue'),
          cell: (conversation) => conversation.queueName ?? <span className={styles.none}>{t('conversations.noQueue')}</span>,
        },
        {
          id: 'assignee',
          header: t('conversations.columns.assignee'),
          cell: (conversation) =>
            conversation.assigneeName ??
            (conversation.bot?.active ? t('conversations.withBot', { name: conversation.bot.name }) : <span className={styles.none}>{t('conversations.unassigned')}</span>),
        },
        {
          id: 'state',
          header: t('conversations.columns.state'),
          cell: (conversation) => (
            <div className={styles.badges}>
              {conversation.status === 'closed' ? (
                <Badge appearance="outline" color="subtle">
                  {t('conversations.statuses.closed')}
                </Badge>
              ) : (
                <>
                  {conversation.waitingForReply && (
                    <Badge appearance="filled" color="brand">
                      {t('conversations.waiting')}
                    </Badge>
                  )}
                  <WindowBadge window={replyWindow(conversation.lastInboundAt, now, conversation.windowClosedByTwilioAt)} />
                </>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
