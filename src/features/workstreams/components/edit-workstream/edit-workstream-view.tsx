import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { useNotify } from '@/components/toast';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { queueQueries } from '@/resources/queues';
import { useUpdateWorkstream } from '@/resources/workstreams';
import { workstreamQueries } from '@/resources/workstreams';
import { useResourceCache } from '@/resources/use-resource-cache';
import { useUnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { BotCard } from '@/features/workstreams/components/bot/bot-card';
import { WhatsAppSetupSummary } from '@/features/workstreams/components/whatsapp-setup/whatsapp-setup-summary';
import {
  toUpdateInput,
  workstreamFormSchema,
  workstreamValues,
  type WorkstreamFormOutput,
  type WorkstreamFormValues,
} from '@/features/workstreams/components/workstream-form/form-values';
import { FormSection, SectionCard } from '@/features/workstreams/components/workstream-form/form-section';
import { placeSaveFailure } from '@/features/workstreams/components/workstream-form/save-failure';
import { WorkstreamFormView } from '@/features/workstreams/components/workstream-form/workstream-form';
import { rebaseValues } from './rebase-values';
import { RoutingRulesSummary } from './routing-rules-summary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '860px' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
});

/**
 * The workstream's page: its WhatsApp setup and routing rules (each with its own page),
 * then its settings in one form. The form edits the version it was loaded at (`base`);
 * the sections above always show the latest data.
 */
export function EditWorkstreamView({ workstream }: { workstream: Workstream }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const cache = useResourceCache();
  const queues = useQuery(queueQueries.list());
  const [base, setBase] = useState(workstream);
  const update = useUpdateWorkstream(workstream.id);
  const [failure, setFailure] = useState<{ error: unknown; version: number } | null>(null);
  const form = useForm<WorkstreamFormValues, unknown, WorkstreamFormOutput>({
    resolver: zodResolver(workstreamFormSchema),
    mode: 'onTouched',
    shouldFocusError: false,
    defaultValues: workstreamValues(workstream),
  });
  const [botDirty, setBotDirty] = useState(false);
  const guard = useUnsavedChangesGuard({ dirty: form.formState.isDirty || botDirty, title: t('workstreams.form.unsavedTitle'), body: t('workstreams.form.unsavedBody') });
  useDocumentTitle(workstream.name);

  // A change made on this page outside the form (removing the WhatsApp setup) gives the
  // workstream a new version: an untouched form simply moves onto it.
  const { isDirty } = form.formState;
  useEffect(() => {
    if (workstream.version === base.version || isDirty) return;
    // Deliberate: the server's data moved on and nothing typed is at stake, so the form follows it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setBase(workstream);
    form.reset(workstreamValues(workstream));
  }, [workstream, base.version, isDirty, form]);

  const save = async (values: WorkstreamFormOutput) => {
    setFailure(null);
    if (!form.formState.isDirty) {
      notify(t('workstreams.noChanges'), 'info');
      return;
    }
    try {
      const updated = await update.mutateAsync(toUpdateInput(values, base.version));
      setBase(updated);
      form.reset(workstreamValues(updated));
      notify(t('workstreams.saved'));
    } catch (error) {
      const shown = placeSaveFailure(error, form.setError);
      if (shown != null) setFailure({ error: shown, version: base.version });
    }
  };

  /** After a version conflict: the workstream as it is now, with the user's changes kept on top. */
  const reload = async () => {
    try {
      const fresh = await cache.fetchFresh(workstreamQueries.detail(workstream.id));
      const { values, kept } = rebaseValues(form.getValues(), workstreamValues(base), workstreamValues(fresh));
      form.reset(workstreamValues(fresh));
      for (const key of kept) form.setValue(key, values[key], { shouldDirty: true });
      setBase(fresh);
      setFailure(null);
    } catch (error) {
      setFailure({ error, version: base.version });
    }
  };

  const shownFailure = failure?.version === base.version ? failure.error : null;

  return (
    <div className={styles.root}>
      <RouterLink to={paths.workstreams}>{t('workstreams.form.backToList')}</RouterLink>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {workstream.name}
        </Title2>
        <Body1 as="p" className={styles.intro}>
          {t('workstreams.edit.intro')}
        </Body1>
      </div>
      <SectionCard>
        <WhatsAppSetupSummary workstream={workstream} />
      </SectionCard>
      <FormSection title={t('workstreams.sections.routing')}>
        <RoutingRulesSummary workstream={workstream} />
      </FormSection>
      {/* A new form when a bot is connected or removed: whether the secret is required changes. */}
      <BotCard key={workstream.bot ? 'bot' : 'none'} workstream={workstream} onDirtyChange={setBotDirty} />
      <WorkstreamFormView
        form={form}
        queues={queues}
        modeFixed
        submitLabel={t('common.save')}
        busyLabel={t('common.saving')}
        saving={update.isPending}
        onSubmit={save}
        alert={
          shownFailure != null && (
            <ProblemAlert error={shownFailure} onRetry={() => void form.handleSubmit(save)()} onReload={() => void reload()} />
          )
        }
      />
      {guard.dialog}
    </div>
  );
}
