import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { Path, UseFormReturn } from 'react-hook-form';
import type { Queue } from '@/api/contract/queue';
import { AdvancedSection, type AdvancedPanel } from './advanced-section';
import { BasicsSection } from './basics-section';
import { DistributionSection } from './distribution-section';
import { advancedPanelOf, firstErrorPath } from './first-error';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  footer: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
});

export type WorkstreamForm = UseFormReturn<WorkstreamFormValues, unknown, WorkstreamFormOutput>;

interface WorkstreamFormProps {
  form: WorkstreamForm;
  queues: UseQueryResult<{ items: Queue[] }>;
  /** On the edit page: the distribution mode is shown, disabled, with the reason. */
  modeFixed: boolean;
  submitLabel: string;
  busyLabel: string;
  saving: boolean;
  /** Saves; field errors it puts on the form are revealed (their panel opened, the first focused). */
  onSubmit: (values: WorkstreamFormOutput) => Promise<void>;
  /** What went wrong with the last save, shown beside the button. */
  alert?: ReactNode;
  /** Shown between the work distribution and the advanced settings (the new form's note about the bot). */
  beforeAdvanced?: ReactNode;
}

/** One form for creating and editing a workstream, in the sections of the reference admin center. */
export function WorkstreamFormView({ form, queues, modeFixed, submitLabel, busyLabel, saving, onSubmit, alert, beforeAdvanced }: WorkstreamFormProps) {
  const styles = useStyles();
  const [openPanels, setOpenPanels] = useState<AdvancedPanel[]>([]);

  const revealErrors = () => {
    // getFieldState reads the form's errors as they are now; formState is the last render's.
    const hasError = (path: string) => form.getFieldState(path as Path<WorkstreamFormValues>).error !== undefined;
    const advanced = form.getValues('advanced');
    const path = firstErrorPath(hasError, {
      contextVariables: advanced.contextVariables.length,
      quickReplyTranslations: (advanced.quickReplies ?? []).map((reply) => reply.translations?.length ?? 0),
    });
    if (!path) return;
    // A collapsed panel has no fields to focus: open it first, synchronously.
    const panel = advancedPanelOf(path);
    if (panel) flushSync(() => setOpenPanels((open) => (open.includes(panel) ? open : [...open, panel])));
    form.setFocus(path as Path<WorkstreamFormValues>);
  };

  const submit = form.handleSubmit(async (values) => {
    if (saving) return;
    await onSubmit(values);
    revealErrors();
  }, revealErrors);

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className={styles.form}>
      <BasicsSection control={form.control} />
      <DistributionSection control={form.control} queues={queues} modeFixed={modeFixed} />
      {beforeAdvanced}
      <AdvancedSection control={form.control} open={openPanels} onToggle={setOpenPanels} />
      <div className={styles.footer}>
        {alert}
        <Button
          type="submit"
          appearance="primary"
          // aria-disabled keeps focus on the button while saving; the handler ignores a second press.
          aria-disabled={saving || undefined}
          icon={saving ? <Spinner size="tiny" /> : undefined}
        >
          {saving ? busyLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
