import { Body1, Caption1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/api/contract/conversation';
import { useReplyWindow } from '../use-reply-window';
import { ReplyForm } from './reply-form';
import { ReplyWindowNotice } from './reply-window-notice';
import { TemplatePicker } from './template-picker';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  heading: { ...typographyStyles.subtitle2, margin: 0, ':focus': { outlineStyle: 'none' } },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * Where the agent answers. Within 24 hours of the customer's last message, a free-form
 * reply; after that (by our clock, or because the server said so) only a template.
 * What was typed is kept for when the customer writes again.
 */
export function Composer({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const noticeId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const window = useReplyWindow(conversation.lastInboundAt, conversation.windowClosedByTwilioAt);
  // The customer's last message at the time the server refused: a newer one opens the window again.
  const [refusedFor, setRefusedFor] = useState<{ lastInboundAt: string | null } | null>(null);
  const [draft, setDraft] = useState('');
  const refused = refusedFor !== null && refusedFor.lastInboundAt === conversation.lastInboundAt;
  const closed = !window.open || refused;

  // The text box went away under the agent's hands: focus goes to what replaced it.
  const focusAfterSwitch = useRef(false);
  useEffect(() => {
    if (closed && focusAfterSwitch.current) headingRef.current?.focus();
    focusAfterSwitch.current = false;
  }, [closed]);

  if (conversation.status === 'closed') {
    return (
      <section className={styles.root} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.heading}>
          {t('conversations.composer.heading')}
        </h2>
        <Body1>{t('conversations.composer.conversationClosed')}</Body1>
      </section>
    );
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {closed ? t('conversations.templates.heading') : t('conversations.composer.heading')}
      </h2>
      <ReplyWindowNotice window={window} closed={closed} id={noticeId} />
      {closed ? (
        <>
          {draft.trim() !== '' && <Caption1 className={styles.note}>{t('conversations.composer.draftKept')}</Caption1>}
          <TemplatePicker conversation={conversation} />
        </>
      ) : (
        <ReplyForm
          key={conversation.id}
          conversation={conversation}
          draft={draft}
          onDraftChange={setDraft}
          onWindowClosed={() => {
            focusAfterSwitch.current = true;
            setRefusedFor({ lastInboundAt: conversation.lastInboundAt });
          }}
          describedBy={noticeId}
        />
      )}
    </section>
  );
}
