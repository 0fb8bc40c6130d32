import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { FormField } from '@/components/form/form-field';
import { FormNumberField } from '@/components/form/form-number-field';
import { FormTextField, requiredLabel } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { SecretInput } from '@/components/secret-input';
import { useNotify } from '@/components/toast';
import { MAX_BOT_MAX_TURNS } from '@/domain/bot/bot-protocol';
import { useResourceCache } from '@/resources/use-resource-cache';
import { useRemoveWorkstreamBot, useSetWorkstreamBot, workstreamQueries } from '@/resources/workstreams';
import { SwitchField } from '@/features/workstreams/components/workstream-form/controlled-fields';
import { FormSection } from '@/features/workstreams/components/workstream-form/form-section';
import { botFormSchema, botValues, isBotFormPath, toBotInput, type BotFormOutput, type BotFormValues } from './bot-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface BotCardProps {
  workstream: Workstream;
  /** Tells the page whether this form has unsaved changes, for its one "leave without saving?" guard. */
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * The workstream's bot, saved on its own (PUT/DELETE /api/workstreams/:id/bot), apart from
 * the settings form below it. The secret is write-only: only its last 4 characters come back.
 */
export function BotCard({ workstream, onDirtyChange }: BotCardProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const cache = useResourceCache();
  const { bot } = workstream;
  const setBot = useSetWorkstreamBot(workstream.id);
  const removeBot = useRemoveWorkstreamBot(workstream.id);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const hasBot = bot !== null;
  const schema = useMemo(() => botFormSchema(!hasBot), [hasBot]);
  const form = useForm<BotFormValues, unknown, BotFormOutput>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: botValues(bot),
  });
  const { isDirty } = form.formState;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);

  const save = form.handleSubmit(async (values) => {
    if (setBot.isPending) return;
    setFailure(null);
    try {
      // The workstream's latest version: the bot is saved on its own, not with the settings below.
      const updated = await setBot.mutateAsync(toBotInput(values, workstream.version));
      form.reset(botValues(updated.bot));
      notify(t('workstreams.bot.saved'));
    } catch (error) {
      if (!placeServerErrors(error, form.setError, isBotFormPath)) setFailure(error);
    }
  });

  const remove = async () => {
    setFailure(null);
    try {
      await removeBot.mutateAsync();
      setConfirmingRemove(false);
      form.reset(botValues(null));
      notify(t('workstreams.bot.removed'));
    } catch (error) {
      setConfirmingRemove(false);
      setFailure(error);
    }
  };

  const reload = async () => {
    try {
      await cache.fetchFresh(workstreamQueries.detail(workstream.id));
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <FormSection title={t('workstreams.sections.bot')} intro={t('workstreams.bot.intro')}>
      <Caption1 as="p" className={styles.muted}>
        {t('workstreams.bot.docs')}
      </Caption1>
      {!hasBot && <Body1 as="p">{t('workstreams.bot.none')}</Body1>}
      {bot?.insecureUrl && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('workstreams.bot.insecure')}</MessageBarBody>
        </MessageBar>
      )}
      <form noValidate className={styles.form} aria-label={t('workstreams.sections.bot')} onSubmit={(event) => void save(event)}>
        <FormTextField control={form.control} name="name" label={t('workstreams.bot.name')} hint={t('workstreams.bot.nameHint')} />
        <FormTextField control={form.control} name="url" label={t('workstreams.bot.url')} hint={t('workstreams.bot.urlHint')} code autoComplete="url" />
        <FormField
          control={form.control}
          name="secret"
          label={hasBot ? t('workstreams.bot.secret') : requiredLabel(t('workstreams.bot.secret'))}
          hint={hasBot ? t('workstreams.bot.secretSet', { hint: bot.secretHint }) : t('workstreams.bot.secretHint')}
        >
          {(field) => (
            <SecretInput
              ref={field.ref}
              name={field.name}
              value={field.value}
              onChange={(_, data) => field.onChange(data.value)}
              onBlur={field.onBlur}
              aria-required={!hasBot || undefined}
              showLabel={t('workstreams.bot.showSecret')}
              hideLabel={t('workstreams.bot.hideSecret')}
            />
          )}
        </FormField>
        <SwitchField control={form.control} name="firstToBot" label={t('workstreams.bot.firstToBot')} hint={t('workstreams.bot.firstToBotHint')} />
        <FormNumberField
          control={form.control}
          name="maxTurns"
          label={t('workstreams.bot.maxTurns')}
          hint={t('workstreams.bot.maxTurnsHint')}
          min={1}
          max={MAX_BOT_MAX_TURNS}
          narrow
        />
        {failure != null && <ProblemAlert error={failure} onRetry={() => void save()} onReload={() => void reload()} />}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" aria-disabled={setBot.isPending || undefined} icon={setBot.isPending ? <Spinner size="tiny" /> : undefined}>
            {setBot.isPending ? t('workstreams.bot.saving') : hasBot ? t('workstreams.bot.save') : t('workstreams.bot.connect')}
          </Button>
          {hasBot && <Button onClick={() => setConfirmingRemove(true)}>{t('workstreams.bot.remove')}</Button>}
        </div>
      </form>
      <ConfirmDialog
        open={confirmingRemove}
        title={t('workstreams.bot.removeTitle', { name: bot?.name ?? '' })}
        confirmLabel={t('workstreams.bot.remove')}
        busyLabel={t('workstreams.bot.removing')}
        busy={removeBot.isPending}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmingRemove(false)}
      >
        {t('workstreams.bot.removeBody')}
      </ConfirmDialog>
    </FormSection>
  );
}
