import { MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { LinkButton } from '@/components/link-button';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { SelectField } from './controlled-fields';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';

interface FallbackQueueFieldProps {
  control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput>;
  queues: UseQueryResult<{ items: Queue[] }>;
}

/** The queue for whatever no routing rule claims; with no queue yet, the way to make one. */
export function FallbackQueueField({ control, queues }: FallbackQueueFieldProps) {
  const { t } = useTranslation();
  const items = queues.data?.items ?? [];
  return (
    <>
      <SelectField
        control={control}
        name="fallbackQueueId"
        required
        label={t('workstreams.fields.fallbackQueue')}
        hint={t('workstreams.fields.fallbackQueueHint')}
        placeholder={queues.isPending ? t('workstreams.fields.queuesLoading') : t('workstreams.fields.chooseQueue')}
        options={items.map((queue) => ({ value: queue.id, label: queue.name }))}
      />
      {queues.isError && <ProblemAlert error={queues.error} onRetry={() => void queues.refetch()} />}
      {queues.data && items.length === 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('workstreams.fields.noQueues')}</MessageBarBody>
          <MessageBarActions>
            <LinkButton to={paths.newQueue} icon={<AddRegular />}>
              {t('workstreams.fields.createQueue')}
            </LinkButton>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
