import { Radio, RadioGroup, Select, Spinner } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Conversation } from '@/api/contract/conversation';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { FormDialog, FormDialogForm } from '@/components/form/form-dialog';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { useTransferConversation } from '@/resources/conversation-mutations';
import { conversationQueries } from '@/resources/conversations';

/** The form keeps both choices, so switching between queue and agent loses neither; only the chosen one is checked. */
const transferFormSchema = z.object({
  to: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('queue'), queueId: z.string().min(1, { error: 'queue.required' }), userId: z.string() }),
    z.object({ kind: z.literal('agent'), queueId: z.string(), userId: z.string().min(1, { error: 'agent.required' }) }),
  ]),
});

type TransferFormValues = z.input<typeof transferFormSchema>;
type TransferFormOutput = z.output<typeof transferFormSchema>;

const ownsField = (path: string) => path === 'to.queueId' || path === 'to.userId';

interface TransferDialogProps {
  open: boolean;
  formKey: number;
  conversation: Conversation;
  onClose: (transferred: Conversation | null) => void;
}

/** Sends the conversation to another queue (it waits there) or straight to an agent with room. */
export function TransferDialog({ open, formKey, conversation, onClose }: TransferDialogProps) {
  const transfer = useTransferConversation(conversation.id);
  return (
    <FormDialog open={open} busy={transfer.isPending} onDismiss={() => onClose(null)}>
      <TransferForm key={formKey} conversation={conversation} transfer={transfer} onClose={onClose} />
    </FormDialog>
  );
}

interface TransferFormProps {
  conversation: Conversation;
  transfer: ReturnType<typeof useTransferConversation>;
  onClose: (transferred: Conversation | null) => void;
}

function TransferForm({ conversation, transfer, onClose }: TransferFormProps) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const targets = useQuery(conversationQueries.transferTargets(conversation.id));
  const form = useForm<TransferFormValues, unknown, TransferFormOutput>({
    resolver: zodResolver(transferFormSchema),
    mode: 'onTouched',
    defaultValues: { to: { kind: 'queue', queueId: '', userId: '' } },
  });
  const kind = useWatch({ control: form.control, name: 'to.kind' });
  const otherQueues = (targets.data?.queues ?? []).filter((queue) => queue.id !== conversation.queueId);
  const agents = targets.data?.agents ?? [];

  const save = form.handleSubmit(async ({ to }) => {
    if (transfer.isPending) return;
    setFailure(null);
    try {
      const target = to.kind === 'queue' ? { kind: 'queue' as const, queueId: to.queueId } : { kind: 'agent' as const, userId: to.userId };
      onClose(await transfer.mutateAsync({ version: conversation.version, to: target }));
    } catch (error) {
      if (!placeServerErrors(error, form.setError, ownsField)) setFailure(error);
    }
  });

  const loading = targets.isPending;
  return (
    <FormDialogForm
      title={t('conversations.transfer.title')}
      onSubmit={save}
      busy={transfer.isPending}
      submitLabel={t('conversations.transfer.submit')}
      busyLabel={t('conversations.transfer.busy')}
      onCancel={() => onClose(null)}
    >
      {failure != null && <ProblemAlert error={failure} explainFieldErrors onRetry={() => void save()} />}
      {targets.error != null && <ProblemAlert error={targets.error} onRetry={() => void targets.refetch()} />}
      <FormField control={form.control} name="to.kind" label={t('conversations.transfer.to')}>
        {(field) => (
          <RadioGroup ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)} layout="horizontal">
            <Radio value="queue" label={t('conversations.transfer.toQueue')} />
            <Radio value="agent" label={t('conversations.transfer.toAgent')} />
          </RadioGroup>
        )}
      </FormField>
      {loading ? (
        <Spinner size="tiny" label={t('common.loading')} />
      ) : kind === 'queue' ? (
        <FormField control={form.control} name="to.queueId" label={requiredLabel(t('conversations.transfer.queue'))} hint={t('conversations.transfer.queueHint')}>
          {(field) => (
            <Select ref={field.ref} name={field.name} value={field.value} aria-required onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
              <option value="">{t('conversations.transfer.chooseQueue')}</option>
              {otherQueues.map((queue) => (
                <option key={queue.id} value={queue.id}>
                  {queue.open ? queue.name : t('conversations.transfer.queueClosedOption', { name: queue.name })}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      ) : (
        <FormField control={form.control} name="to.userId" label={requiredLabel(t('conversations.transfer.agent'))} hint={t('conversations.transfer.agentHint')}>
          {(field) => (
            <Select ref={field.ref} name={field.name} value={field.value} aria-required onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
              <option value="">{t('conversations.transfer.chooseAgent')}</option>
              {/* One who cannot take it now stays choosable: that may change before Transfer, and the server decides. */}
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.refusal === null
                    ? t('conversations.transfer.agentOption', { name: agent.name, presence: t(`presence.${agent.presence}`) })
                    : t('conversations.transfer.agentOptionRefused', {
                        name: agent.name,
                        presence: t(`presence.${agent.presence}`),
                        reason: t(`conversations.transfer.refusal.${agent.refusal}`),
                      })}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      )}
    </FormDialogForm>
  );
}
