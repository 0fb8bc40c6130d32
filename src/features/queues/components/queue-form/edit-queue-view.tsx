import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { useSaveFailure } from '@/components/form/use-save-failure';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useUpdateQueue } from '@/resources/queues';
import { queueQueries } from '@/resources/queues';
import { useResourceCache } from '@/resources/use-resource-cache';
import { isFormField, queueValues, type QueueFormOutput, type QueueFormValues } from './form-values';
import { PageFrame } from './page-frame';
import { PendingMembersSection } from './pending-members-section';
import { QueueFormView } from './queue-form';
import { browserTimeZone } from './time-zones';
import { useUnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useQueueForm, type QueueForm } from './use-queue-form';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Moves the form onto the queue as it is now. What the user changed relative to the
 * values the form started from is put back on top, still dirty, so nothing typed is lost.
 */
function rebase(form: QueueForm, previous: QueueFormValues, next: QueueFormValues) {
  const typed = form.getValues();
  form.reset(next, { keepErrors: true });
  for (const key of Object.keys(typed) as (keyof QueueFormValues)[]) {
    if (!same(typed[key], previous[key])) form.setValue(key, typed[key], { shouldDirty: true });
  }
}

export function EditQueueView({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const cache = useResourceCache();
  const [base, setBase] = useState(queue);
  const [timeZone] = useState(browserTimeZone);
  const form = useQueueForm(queueValues(queue, timeZone));
  const guard = useUnsavedChangesGuard({ dirty: form.formState.isDirty, title: t('queues.form.unsavedTitle'), body: t('queues.form.unsavedBody') });
  const update = useUpdateQueue(queue.id);
  const failure = useSaveFailure();

  const submit = async (values: QueueFormOutput) => {
    failure.clear();
    if (!form.formState.isDirty) {
      notify(t('queues.noChanges'), 'info');
      return;
    }
    try {
      const updated = await update.mutateAsync({ version: base.version, ...values });
      form.reset(queueValues(updated, timeZone));
      setBase(updated);
      notify(t('queues.saved'));
    } catch (error) {
      if (!placeServerErrors(error, form.setError, isFormField)) failure.show(error);
    }
  };

  /** After a version conflict: the queue as it is now, with the user's edits kept on top. */
  const reload = async () => {
    try {
      const fresh = await cache.fetchFresh(queueQueries.detail(queue.id));
      rebase(form, queueValues(base, timeZone), queueValues(fresh, timeZone));
      setBase(fresh);
      failure.clear();
    } catch (error) {
      failure.show(error);
    }
  };

  return (
    <PageFrame title={t('queues.form.editTitle', { name: base.name })}>
      <QueueFormView
        form={form}
        onSubmit={submit}
        submitLabel={t('common.save')}
        busyLabel={t('common.saving')}
        busy={update.isPending}
        knownMembers={base.members}
        afterMembers={<PendingMembersSection queue={base} onUpdated={setBase} />}
        alert={
          failure.error != null && (
            <ProblemAlert error={failure.error} onRetry={() => void form.handleSubmit(submit)()} onReload={() => void reload()} />
          )
        }
      />
      {guard.dialog}
    </PageFrame>
  );
}
