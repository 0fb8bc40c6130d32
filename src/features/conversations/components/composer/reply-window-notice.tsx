import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ClockRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { splitRemaining, type ReplyWindow } from '@/domain/conversation-window';

const MINUTE = 60_000;

const useStyles = makeStyles({
  open: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
});

interface ReplyWindowNoticeProps {
  window: ReplyWindow;
  /** The window is over, by our clock or because the server said so. */
  closed: boolean;
  id?: string;
}

/** Why only templates can go: Twilio refused a reply, the customer wrote too long ago, or never. */
function useClosedReason() {
  const { t } = useTranslation();
  return (window: ReplyWindow) => {
    if (!window.open && window.refusedByTwilio) return t('conversations.composer.refusedByTwilio');
    return window.open || window.closedAt !== null ? t('conversations.composer.templatesOnly') : t('conversations.composer.neverWrote');
  };
}

/** The time left to answer freely, or why only a template can go now (the reference's own words). */
export function ReplyWindowNotice({ window, closed, id }: ReplyWindowNoticeProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const closedReason = useClosedReason();
  if (closed || !window.open) {
    return (
      <MessageBar intent="warning" layout="multiline" id={id}>
        <MessageBarBody>
          <MessageBarTitle>{t('conversations.composer.windowClosed')}</MessageBarTitle>
          {closedReason(window)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <Text id={id} className={styles.open}>
      <ClockRegular aria-hidden />
      {window.remainingMs < MINUTE ? t('conversations.composer.lastMinute') : t('conversations.composer.timeLeft', splitRemaining(window.remainingMs))}
    </Text>
  );
}
