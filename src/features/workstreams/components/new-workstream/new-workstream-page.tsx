import { Title2, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { useNotify } from '@/components/toast';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { queueQueries } from '@/resources/queues';
import { useCreateWorkstream } from '@/resources/workstreams';
import { useUnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import {
  newWorkstreamValues,
  toCreateInput,
  workstreamFormSchema,
  type WorkstreamFormOutput,
  type WorkstreamFormValues,
} from '@/features/workstreams/components/workstream-form/form-values';
import { FormSection } from '@/features/workstreams/components/workstream-form/form-section';
import { placeSaveFailure } from '@/features/workstreams/components/workstream-form/save-failure';
import { WorkstreamFormView } from '@/features/workstreams/components/workstream-form/workstream-form';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '860px' },
  title: { margin: 0 },
});

export function NewWorkstreamPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const navigate = useNavigate();
  const queues = useQuery(queueQueries.list());
  const create = useCreateWorkstream();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<WorkstreamFormValues, unknown, WorkstreamFormOutput>({
    resolver: zodResolver(workstreamFormSchema),
    mode: 'onTouched',
    shouldFocusError: false,
    defaultValues: newWorkstreamValues,
  });
  const guard = useUnsavedChangesGuard({ dirty: form.formState.isDirty, title: t('workstreams.form.unsavedTitle'), body: t('workstreams.form.unsavedBody') });
  useDocumentTitle(t('workstreams.form.newTitle'));

  const save = async (values: WorkstreamFormOutput) => {
    setFailure(null);
    try {
      const created = await create.mutateAsync(toCreateInput(values));
      notify(t('workstreams.created', { name: created.name }));
      guard.allowNextNavigation();
      await navigate(`${paths.workstreams}?highlight=${encodeURIComponent(created.id)}`);
    } catch (error) {
      // Whatever failed, the form keeps every value typed.
      setFailure(placeSaveFailure(error, form.setError));
    }
  };

  return (
    <div className={styles.root}>
      <RouterLink to={paths.workstreams}>{t('workstreams.form.backToList')}</RouterLink>
      <Title2 as="h1" className={styles.title}>
        {t('workstreams.form.newTitle')}
      </Title2>
      <WorkstreamFormView
        form={form}
        queues={queues}
        modeFixed={false}
        submitLabel={t('workstreams.form.create')}
        busyLabel={t('workstreams.form.creating')}
        saving={create.isPending}
        onSubmit={save}
        alert={failure != null && <ProblemAlert error={failure} onRetry={() => void form.handleSubmit(save)()} />}
        beforeAdvanced={<FormSection title={t('workstreams.sections.bot')} intro={t('workstreams.sections.botLater')} />}
      />
      {guard.dialog}
    </div>
  );
}
