import { Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ClearFiltersButton } from '@/components/clear-filters-button';
import { visuallyHidden } from '@/components/visually-hidden';
import type { FilterValues, StatusChoice } from './use-conversation-filters';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, border: 'none', margin: 0, padding: 0 },
  legend: visuallyHidden,
  field: { minWidth: '200px' },
});

export interface QueueOption {
  id: string;
  name: string;
}

interface ConversationFiltersProps {
  values: FilterValues;
  queues: QueueOption[];
  active: boolean;
  onChange: <K extends keyof FilterValues>(key: K, value: FilterValues[K]) => void;
  onClear: () => void;
}

const statusChoices: StatusChoice[] = ['open', 'closed', 'all'];

/** Queue, status, mine and waiting; each change applies at once. */
export function ConversationFilters({ values, queues, active, onChange, onClear }: ConversationFiltersProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const firstSelect = useRef<HTMLSelectElement>(null);
  const selectedUnknown = values.queueId !== '' && !queues.some((queue) => queue.id === values.queueId);

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{t('conversations.filters.label')}</legend>
      <Field label={t('conversations.filters.queue')} className={styles.field}>
        <Select ref={firstSelect} value={values.queueId} onChange={(_, data) => onChange('queueId', data.value)}>
          <option value="">{t('conversations.filters.allQueues')}</option>
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
          {selectedUnknown && <option value={values.queueId}>{t('conversations.filters.otherQueue')}</option>}
        </Select>
      </Field>
      <Field label={t('conversations.filters.status')} className={styles.field}>
        <Select value={values.status} onChange={(_, data) => onChange('status', data.value as StatusChoice)}>
          {statusChoices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`conversations.filters.statuses.${choice}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label={t('conversations.filters.assignedToMe')}
        checked={values.assignedToMe}
        onChange={(_, data) => onChange('assignedToMe', data.checked === true)}
      />
      <Checkbox
        label={t('conversations.filters.waitingForReply')}
        checked={values.waitingForReply}
        onChange={(_, data) => onChange('waitingForReply', data.checked === true)}
      />
      {active && <ClearFiltersButton label={t('conversations.filters.clear')} onClear={onClear} focusAfter={firstSelect} />}
    </fieldset>
  );
}
