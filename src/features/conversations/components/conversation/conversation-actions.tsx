import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/api/contract/conversation';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useAcceptConversation, useCloseConversation } from '@/resources/conversation-mutations';
import { conversationQueries } from '@/resources/conversations';
import { useResourceCache } from '@/resources/use-resource-cache';
import { customerName } from '../customer-name';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  dialogText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * Accept takes an unassigned conversation of a "pick" workstream (in "push" ones the
 * system assigns); Close ends it after asking. Both carry the version the agent saw.
 */
export function ConversationActions({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const cache = useResourceCache();
  const accept = useAcceptConversation(conversation.id);
  const close = useCloseConversation(conversation.id);
  const [confirming, setConfirming] = useState(false);
  const open = conversation.status === 'open';
  const canAccept = open && conversation.assigneeId === null && conversation.distributionMode === 'pick';
  const name = customerName(conversation);

  const reload = () => {
    accept.reset();
    close.reset();
    void cache.invalidate(conversationQueries.detail(conversation.id).queryKey);
  };

  const confirmClose = () =>
    close.mutate(conversation.version, {
      onSuccess: () => {
        setConfirming(false);
        notify(t('conversations.actions.closed', { name }));
      },
    });

  if (!open && !accept.isError) return null;
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        {canAccept && (
          <Button
            appearance="primary"
            icon={accept.isPending ? <Spinner size="tiny" /> : <CheckmarkRegular />}
            disabledFocusable={accept.isPending}
            onClick={() => accept.mutate(conversation.version, { onSuccess: () => notify(t('conversations.actions.accepted', { name })) })}
          >
            {accept.isPending ? t('conversations.actions.accepting') : t('conversations.actions.accept')}
          </Button>
        )}
        {open && (
          <Button icon={<DismissCircleRegular />} onClick={() => setConfirming(true)}>
            {t('conversations.actions.close')}
          </Button>
        )}
      </div>
      {accept.isError && <ProblemAlert error={accept.error} onReload={reload} />}
      <ConfirmDialog
        open={confirming}
        title={t('conversations.actions.closeTitle', { name })}
        confirmLabel={t('conversations.actions.close')}
        busyLabel={t('conversations.actions.closing')}
        busy={close.isPending}
        onConfirm={confirmClose}
        onCancel={() => {
          setConfirming(false);
          close.reset();
        }}
      >
        <div className={styles.dialogText}>
          <Body1 as="p">{t('conversations.actions.closeBody')}</Body1>
          <Body1 as="p">{t('conversations.actions.closeSurvey')}</Body1>
          {close.isError && <ProblemAlert error={close.error} onReload={reload} />}
        </div>
      </ConfirmDialog>
    </div>
  );
}
