import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { BotRegular, ClockRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/api/contract/conversation';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { useFormatRelativeTime } from '@/components/use-format-relative-time';
import { useNow } from '@/components/use-now';

/** Why an open, unassigned conversation is still waiting, and since when it has been in its queue. */
export function WaitingNotice({ conversation }: { conversation: Pick<Conversation, 'waitReason' | 'queuedAt' | 'queueName' | 'bot'> }) {
  const { t } = useTranslation();
  const now = useNow();
  const relative = useFormatRelativeTime();
  const formatDateTime = useFormatDateTime();
  const { waitReason, queuedAt } = conversation;
  if (waitReason === null) return null;
  const bot = conversation.bot?.name ?? '';
  return (
    <MessageBar intent={waitReason === 'outOfHours' ? 'warning' : 'info'} icon={waitReason === 'bot' ? <BotRegular /> : <ClockRegular />} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(`conversations.waitReasons.${waitReason}`, { bot })}</MessageBarTitle>
        {t(`conversations.waitReasons.${waitReason}Body`, { queue: conversation.queueName ?? '' })}
        {/* With the bot it has not entered a queue yet: no "since". */}
        {waitReason !== 'bot' && (
          <>
            {' '}
            <time dateTime={queuedAt} title={formatDateTime(queuedAt)}>
              {t('conversations.waitReasons.since', { when: relative(queuedAt, now) })}
            </time>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
