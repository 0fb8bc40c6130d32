import { Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { BotRegular } from '@fluentui/react-icons';
import { memo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@/api/contract/conversation';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { DeliveryStatus } from './delivery-status';
import { MessageMedia } from './message-media';
import { useNoteText } from './use-note-text';

const useStyles = makeStyles({
  // Placed by the virtual list: only the rows near the view exist, each at its measured offset.
  item: { position: 'absolute', top: 0, left: 0, width: '100%', display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  outbound: { alignItems: 'flex-end' },
  bubble: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxWidth: 'min(70ch, 85%)',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  outboundBubble: { backgroundColor: tokens.colorBrandBackground2 },
  automatedBubble: { backgroundColor: tokens.colorNeutralBackground3 },
  botBubble: { backgroundColor: tokens.colorPaletteLightTealBackground2 },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  body: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  footer: { display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: tokens.spacingHorizontalS },
  noteRow: { alignItems: 'center' },
  note: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    maxWidth: 'min(70ch, 85%)',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
  },
});

interface MessageItemProps {
  message: Message;
  /** How the customer is called in this conversation. */
  customer: string;
  /** The row's place among the loaded messages, from 0 (the oldest). */
  index: number;
  /** The row's offset from the top of the list, in pixels. */
  start: number;
  /** How many messages there are; -1 while older ones are not loaded yet. */
  setSize: number;
  /** Measures the row's height as rendered. */
  ref: Ref<HTMLLIElement>;
}

/** One message as a row of the virtual list; memoized, since scrolling re-renders the list but rarely changes a row. */
export const MessageItem = memo(function MessageItem({ message, customer, index, start, setSize, ref }: MessageItemProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const noteText = useNoteText();
  const outbound = message.direction === 'outbound';
  const rowProps = {
    ref,
    'data-index': index,
    // Screen readers still say "n of m" although only some rows exist.
    'aria-posinset': index + 1,
    'aria-setsize': setSize,
    style: { transform: `translateY(${start}px)` },
  };

  if (message.direction === 'note') {
    // The system's own line in the history (a transfer, a skipped message): for agents, never sent.
    return (
      <li {...rowProps} className={mergeClasses(styles.item, styles.noteRow)}>
        <article aria-label={t('conversations.notes.label')} className={styles.note}>
          <Text size={200}>{noteText(message)}</Text>
          <Caption1>
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          </Caption1>
        </article>
      </li>
    );
  }

  const isBot = message.author === 'bot';
  const author =
    message.author === 'customer'
      ? customer
      : message.author === 'automated'
        ? t('conversations.messages.automated')
        : isBot
          ? (message.authorName ?? t('conversations.messages.botBadge'))
          : (message.authorName ?? t('conversations.messages.agent'));

  return (
    <li {...rowProps} className={mergeClasses(styles.item, outbound && styles.outbound)}>
      <article
        aria-label={t(isBot ? 'conversations.messages.fromBot' : 'conversations.messages.from', { author })}
        className={mergeClasses(
          styles.bubble,
          outbound && styles.outboundBubble,
          message.author === 'automated' && styles.automatedBubble,
          isBot && styles.botBubble,
        )}
      >
        <div className={styles.meta}>
          <Text weight="semibold" size={200}>
            {author}
          </Text>
          {isBot && (
            <Badge size="small" appearance="tint" color="informative" icon={<BotRegular />}>
              {t('conversations.messages.botBadge')}
            </Badge>
          )}
          <Caption1>
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          </Caption1>
        </div>
        {message.template && <Caption1>{t('conversations.messages.template', { name: message.template.name })}</Caption1>}
        {message.body !== '' && <p className={styles.body}>{message.body}</p>}
        {message.media.map((media) => (
          <MessageMedia key={media.id} media={media} author={author} />
        ))}
        {outbound && (
          <div className={styles.footer}>
            <DeliveryStatus message={message} />
          </div>
        )}
      </article>
    </li>
  );
});
