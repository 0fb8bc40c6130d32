import { Button, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { QueueMember } from '@/api/contract/queue';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { FormTextField, requiredLabel } from '@/components/form/form-text-field';
import { ReadOnlyFacts } from '@/components/read-only-facts';
import { FormSection } from './form-section';
import type { QueueFormOutput } from './form-values';
import { HoursSection } from './hours-section';
import { MembersSection } from './members-section';
import type { QueueForm } from './use-queue-form';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXL,
    maxWidth: '860px',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    '@media (max-width: 720px)': { padding: tokens.spacingHorizontalL },
  },
  basics: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  priority: { maxWidth: '120px' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface QueueFormViewProps {
  form: QueueForm;
  onSubmit: (values: QueueFormOutput) => Promise<void>;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** A failure no field owns (server error, network, version conflict), shown at the top. */
  alert?: ReactNode;
  /** The queue's members as it last answered, for a member the users list no longer has. */
  knownMembers?: QueueMember[];
  /** Shown after the members (the edit page's members who are not users yet). */
  afterMembers?: ReactNode;
}

/** The queue's settings, for a new queue and an existing one alike. */
export function QueueFormView({ form, onSubmit, submitLabel, busyLabel, busy, alert, knownMembers, afterMembers }: QueueFormViewProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { control } = form;

  return (
    <form noValidate className={styles.form} onSubmit={form.handleSubmit((values) => (busy ? undefined : onSubmit(values)))}>
      {alert}
      <FormSection title={t('queues.form.basics')}>
        <FormTextField control={control} name="name" label={t('queues.form.name')} hint={t('queues.form.nameHint')} />
        <div className={styles.basics}>
          <ReadOnlyFacts facts={[{ label: t('queues.form.type'), value: t('queues.form.typeMessaging'), hint: t('queues.form.typeHint') }]} />
          <FormField control={control} name="priority" label={requiredLabel(t('queues.form.priority'))} hint={t('queues.form.priorityHint')}>
            {(field) => (
              <Input
                ref={field.ref}
                name={field.name}
                className={styles.priority}
                type="number"
                min={1}
                max={10}
                step={1}
                inputMode="numeric"
                aria-required
                value={Number.isFinite(field.value) ? String(field.value) : ''}
                onChange={(_, data) => field.onChange(data.value.trim() === '' ? Number.NaN : Number(data.value))}
                onBlur={field.onBlur}
              />
            )}
          </FormField>
        </div>
      </FormSection>
      <MembersSection form={form} knownMembers={knownMembers} />
      {afterMembers}
      <HoursSection form={form} />
      <div className={styles.footer}>
        <Button
          type="submit"
          appearance="primary"
          // aria-disabled keeps focus on the button while saving; the submit handler ignores a second press.
          aria-disabled={busy || undefined}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {busy ? busyLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
