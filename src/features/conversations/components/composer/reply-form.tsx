import { Button, Caption1, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { FlashRegular, SendRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MAX_REPLY_LENGTH, type Conversation } from '@/api/contract/conversation';
import { hasNoControlCharacterButLineBreaks } from '@/api/contract/fields';
import { ApiError } from '@/api/problem';
import { applyServerErrors } from '@/components/form/apply-server-errors';
import { FormField } from '@/components/form/form-field';
import { ProblemAlert } from '@/components/problem-alert';
import { useSendMessage } from '@/resources/conversation-mutations';
import { AttachmentPicker } from './attachment-picker';
import { QuickReplyOptions } from './quick-reply-options';
import { QuickReplySearch } from './quick-reply-search';
import { UnfilledVariablesHint } from './unfilled-variables-hint';
import { useReplyQuickReplies } from './use-reply-quick-replies';
import { useAttachment } from './use-attachment';
import { isWindowClosedError } from './window-closed-error';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  tip: { color: tokens.colorNeutralForeground2 },
});


const replySchema = z.object({
  body: z
    .string()
    .max(MAX_REPLY_LENGTH, { error: 'reply.tooLong' })
    .refine(hasNoControlCharacterButLineBreaks, { error: 'text.controlCharacter' }),
});
type ReplyValues = z.infer<typeof replySchema>;

interface ReplyFormProps {
  conversation: Conversation;
  /** What was typed before, kept by the composer across a switch to templates. */
  draft: string;
  onDraftChange: (text: string) => void;
  /** The server refused the reply: the 24-hour window is over. */
  onWindowClosed: () => void;
  /** The notice with the time left, read with the text box. */
  describedBy?: string;
}

/**
 * A free-form reply, with one attachment where the workstream allows it; Ctrl+Enter sends.
 * Where the workstream has quick replies, its button or "/" at the start of a line picks one.
 */
export function ReplyForm({ conversation, draft, onDraftChange, onWindowClosed, describedBy }: ReplyFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const send = useSendMessage(conversation.id);
  const { attachment, choose, remove, reject } = useAttachment(conversation.id);
  const [failure, setFailure] = useState<unknown>(null);
  const { control, handleSubmit, setError, reset, setFocus, getValues, setValue } = useForm<ReplyValues>({
    defaultValues: { body: draft },
    resolver: zodResolver(replySchema),
  });
  const uploading = attachment.state === 'uploading';
  const body = useWatch({ control, name: 'body' });
  const { replies, picker, slashOpen, textareaRef, buttonRef, insert, onTextChange, onTextBlur, onTextKeyDown, toggleSearch, closeSearch } = useReplyQuickReplies(conversation.id, {
    text: body,
    read: () => getValues('body'),
    write: (text) => {
      setValue('body', text);
      onDraftChange(text);
    },
  });
  const tipId = useId();
  const unfilledId = useId();

  const submit = handleSubmit(async ({ body }) => {
    if (send.isPending || uploading) return;
    setFailure(null);
    const media = attachment.state === 'ready' ? attachment.upload : null;
    if (body.trim() === '' && !media) {
      setError('body', { type: 'required', message: 'reply.required' }, { shouldFocus: true });
      return;
    }
    try {
      await send.mutateAsync({ kind: 'text', body, ...(media ? { mediaId: media.id } : {}) });
      // Whatever was typed while the message was on its way stays in the box.
      const current = getValues('body');
      const rest = current.startsWith(body) ? current.slice(body.length).trimStart() : current;
      reset({ body: rest });
      onDraftChange(rest);
      remove();
      setFocus('body');
    } catch (error) {
      if (isWindowClosedError(error)) {
        onWindowClosed();
        return;
      }
      const unmatched = applyServerErrors(error, setError, (path) => path === 'body');
      const mediaError = unmatched.find((fieldError) => fieldError.path.startsWith('media'));
      if (mediaError) reject(mediaError.code);
      const unexplained = unmatched.filter((fieldError) => fieldError !== mediaError);
      if (!(error instanceof ApiError) || error.fieldErrors.length === 0 || unexplained.length > 0) setFailure(error);
    }
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className={styles.form}>
      <FormField
        control={control}
        name="body"
        label={t('conversations.composer.message')}
        hint={(field) => t('conversations.composer.count', { count: field.value.length, max: MAX_REPLY_LENGTH })}
      >
        {(field) => (
          <Textarea
            ref={(element) => {
              field.ref(element);
              textareaRef.current = element;
            }}
            name={field.name}
            value={field.value}
            onBlur={(event) => {
              field.onBlur();
              onTextBlur({ start: event.target.selectionStart, end: event.target.selectionEnd });
            }}
            onChange={(event, data) => {
              field.onChange(data.value);
              onDraftChange(data.value);
              onTextChange(data.value, event.target.selectionStart);
            }}
            onKeyDown={(event) => {
              if (onTextKeyDown(event)) return;
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void submit();
              }
            }}
            aria-describedby={[describedBy, replies.length > 0 ? tipId : undefined, body.includes('{{') ? unfilledId : undefined].filter(Boolean).join(' ') || undefined}
            aria-controls={slashOpen ? picker.listId : undefined}
            aria-activedescendant={slashOpen ? picker.activeOptionId : undefined}
            resize="vertical"
            rows={3}
          />
        )}
      </FormField>
      {slashOpen && <QuickReplyOptions picker={picker} onChoose={insert} />}
      {picker.opening?.via === 'button' && <QuickReplySearch picker={picker} onChoose={insert} onClose={closeSearch} />}
      <UnfilledVariablesHint text={body} id={unfilledId} />
      {failure !== null && <ProblemAlert error={failure} explainFieldErrors onRetry={() => void submit()} />}
      <div className={styles.footer}>
        <div className={styles.tools}>
          {conversation.attachments.agentsCanSend && (
            <AttachmentPicker attachment={attachment} onChoose={choose} onRemove={remove} disabled={send.isPending} />
          )}
          {replies.length > 0 && (
            <>
              <Button ref={buttonRef} icon={<FlashRegular />} aria-expanded={picker.opening?.via === 'button'} onClick={toggleSearch}>
                {t('conversations.quickReplies.open')}
              </Button>
              <Caption1 id={tipId} className={styles.tip}>
                {t('conversations.quickReplies.shortcut')}
              </Caption1>
            </>
          )}
        </div>
        <Button
          type="submit"
          appearance="primary"
          // As in the wizards: aria-disabled keeps focus on the button while the message goes.
          aria-disabled={send.isPending || uploading || undefined}
          icon={send.isPending ? <Spinner size="tiny" /> : <SendRegular />}
        >
          {send.isPending ? t('conversations.composer.sending') : t('conversations.composer.send')}
        </Button>
      </div>
    </form>
  );
}
