import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowForwardRegular, ArrowUndoRegular, CheckmarkRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/api/contract/conversation';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useNotify } from '@/components/toast';
import { useAcceptConversation, useCloseConversation, useReleaseConversation } from '@/resources/conversation-mutations';
import { conversationQueries } from '@/resources/conversations';
import { sessionQueries } from '@/resources/session';
import { useResourceCache } from '@/resources/use-resource-cache';
import { customerName } from '../customer-name';
import { TransferDialog } from './transfer-dialog';
import { useConversationProblemText } from './use-conversation-problem-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  dialogText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A failed action, worded for conversations; Reload when the conversation changed meanwhile. */
function ActionFailure({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  const text = useConversationProblemText();
  const stale = error instanceof ApiError && (error.isVersionConflict || error.status === 409 || error.status === 403);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{text(error)}</MessageBarBody>
      {stale && (
        <MessageBarActions>
          <Button onClick={onReload}>{t('common.reload')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/**
 * Accept takes an unassigned conversation of a "pick" workstream (in "push" ones the
 * system assigns); Transfer and Release are for its agent and administrators; Close ends
 * it after asking. Each carries the version the agent saw.
 */
export function ConversationActions({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const cache = useResourceCache();
  const session = useQuery(sessionQueries.current());
  const accept = useAcceptConversation(conversation.id);
  const close = useCloseConversation(conversation.id);
  const release = useReleaseConversation(conversation.id);
  const [confirming, setConfirming] = useState<'close' | 'release' | null>(null);
  const [transferKey, setTransferKey] = useState<number | null>(null);
  const open = conversation.status === 'open';
  const user = session.data?.user ?? undefined;
  const isAdmin = user?.role === 'admin';
  const isAssignee = user !== undefined && conversation.assigneeId === user.id;
  // While the bot has it, only the bot's hand-off (or its failure) gives it to agents.
  const withBot = conversation.bot?.active === true;
  const canAccept = open && !withBot && conversation.assigneeId === null && conversation.distributionMode === 'pick';
  const canTransfer = open && !withBot && (isAssignee || isAdmin);
  const canRelease = open && conversation.assigneeId !== null && (isAssignee || isAdmin);
  const name = customerName(conversation);
  const failure = accept.error ?? release.error;

  const reload = () => {
    accept.reset();
    close.reset();
    release.reset();
    void cache.invalidate(conversationQueries.detail(conversation.id).queryKey);
  };

  const confirmClose = () =>
    close.mutate(conversation.version, {
      onSuccess: () => {
        setConfirming(null);
        notify(t('conversations.actions.closed', { name }));
      },
    });
  const confirmRelease = () =>
    release.mutate(conversation.version, {
      onSuccess: (released) => {
        setConfirming(null);
        notify(t('conversations.actions.released', { name, queue: released.queueName ?? '' }));
      },
      onError: () => setConfirming(null),
    });

  const closeTransfer = (transferred: Conversation | null) => {
    setTransferKey(null);
    if (transferred) notify(t('conversations.transfer.done', { name, to: transferred.assigneeName ?? transferred.queueName ?? '' }));
  };

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
        {canTransfer && (
          <Button icon={<ArrowForwardRegular />} onClick={() => setTransferKey(Date.now())}>
            {t('conversations.transfer.open')}
          </Button>
        )}
        {canRelease && (
          <Button icon={<ArrowUndoRegular />} onClick={() => setConfirming('release')}>
            {t('conversations.actions.release')}
          </Button>
        )}
        {open && (
          <Button icon={<DismissCircleRegular />} onClick={() => setConfirming('close')}>
            {t('conversations.actions.close')}
          </Button>
        )}
      </div>
      {failure != null && <ActionFailure error={failure} onReload={reload} />}
      {transferKey !== null && <TransferDialog open formKey={transferKey} conversation={conversation} onClose={closeTransfer} />}
      <ConfirmDialog
        open={confirming === 'release'}
        title={t('conversations.actions.releaseTitle', { name })}
        confirmLabel={t('conversations.actions.release')}
        busyLabel={t('conversations.actions.releasing')}
        busy={release.isPending}
        onConfirm={confirmRelease}
        onCancel={() => setConfirming(null)}
      >
        {t('conversations.actions.releaseBody', { queue: conversation.queueName ?? '' })}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'close'}
        title={t('conversations.actions.closeTitle', { name })}
        confirmLabel={t('conversations.actions.close')}
        busyLabel={t('conversations.actions.closing')}
        busy={close.isPending}
        onConfirm={confirmClose}
        onCancel={() => {
          setConfirming(null);
          close.reset();
        }}
      >
        <div className={styles.dialogText}>
          <Body1 as="p">{t('conversations.actions.closeBody')}</Body1>
          <Body1 as="p">{t('conversations.actions.closeSurvey')}</Body1>
          {close.isError && <ActionFailure error={close.error} onReload={reload} />}
        </div>
      </ConfirmDialog>
    </div>
  );
}
