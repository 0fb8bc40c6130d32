import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { useSaveFailure } from '@/components/form/use-save-failure';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { paths } from '@/config/paths';
import { useCreateQueue } from '@/resources/queues';
import { isFormField, newQueueValues, type QueueFormOutput } from './form-values';
import { PageFrame } from './page-frame';
import { QueueFormView } from './queue-form';
import { browserTimeZone } from './time-zones';
import { useUnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useQueueForm } from './use-queue-form';

export function NewQueuePage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const [defaults] = useState(() => newQueueValues(browserTimeZone()));
  const form = useQueueForm(defaults);
  const create = useCreateQueue();
  const failure = useSaveFailure();
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const guard = useUnsavedChangesGuard({ dirty: form.formState.isDirty && created === null, title: t('queues.form.unsavedTitle'), body: t('queues.form.unsavedBody') });

  // Once saved, the page leaves; by then the guard no longer counts the form as unsaved.
  useEffect(() => {
    if (!created) return;
    notify(t('queues.created', { name: created.name }));
    void navigate(`${paths.queues}?highlight=${encodeURIComponent(created.id)}`);
  }, [created, navigate, notify, t]);

  const submit = async (values: QueueFormOutput) => {
    failure.clear();
    try {
      const queue = await create.mutateAsync({ type: 'messaging', ...values });
      setCreated({ id: queue.id, name: queue.name });
    } catch (error) {
      if (!placeServerErrors(error, form.setError, isFormField)) failure.show(error);
    }
  };

  return (
    <PageFrame title={t('queues.form.newTitle')}>
      <QueueFormView
        form={form}
        onSubmit={submit}
        submitLabel={t('queues.form.create')}
        busyLabel={t('queues.form.creating')}
        busy={create.isPending}
        alert={failure.error != null && <ProblemAlert error={failure.error} onRetry={() => void form.handleSubmit(submit)()} />}
      />
      {guard.dialog}
    </PageFrame>
  );
}
