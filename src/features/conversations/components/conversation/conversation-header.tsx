import { Badge, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/api/contract/conversation';
import { languageName } from '@/domain/whatsapp-languages';
import { customerName } from '../customer-name';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  titleRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { ...typographyStyles.title2, margin: 0 },
  details: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    margin: 0,
  },
  term: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  none: { color: tokens.colorNeutralForeground3 },
});

/** Who the customer is and where the conversation sits: numbers, queue, workstream, assignee, status. */
export function ConversationHeader({ conversation, children }: { conversation: Conversation; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const none = (text: string) => <span className={styles.none}>{text}</span>;
  const items: [string, ReactNode][] = [
    [t('conversations.details.customerNumber'), conversation.customer.phone],
    [t('conversations.details.businessNumber'), conversation.businessNumber],
    [t('conversations.details.queue'), conversation.queueName ?? none(t('conversations.noQueue'))],
    [t('conversations.details.workstream'), conversation.workstreamName ?? none(t('conversations.details.noWorkstream'))],
    [t('conversations.details.assignee'), conversation.assigneeName ?? none(t('conversations.unassigned'))],
    [t('conversations.details.language'), languageName(conversation.language, i18n.resolvedLanguage ?? 'en')],
  ];

  return (
    <header className={styles.root}>
      <div className={styles.titleRow}>
        <h1 className={styles.heading}>{customerName(conversation)}</h1>
        <Badge appearance={conversation.status === 'open' ? 'tint' : 'outline'} color={conversation.status === 'open' ? 'success' : 'subtle'}>
          {t(`conversations.statuses.${conversation.status}`)}
        </Badge>
        {children}
      </div>
      <dl className={styles.details}>
        {items.map(([term, value]) => (
          <div key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
