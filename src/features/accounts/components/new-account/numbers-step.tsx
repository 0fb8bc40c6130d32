import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { isTwilioSandboxNumber, TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { SandboxOffer } from '@/features/accounts/components/sandbox-offer';
import { NumberRow } from './number-row';
import type { WizardStepProps } from '@/components/wizard/wizard';
import type { AccountWizardValues } from './step-schemas';
import { emptyNumberRow } from './wizard-draft';

const useStyles = makeStyles({
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  add: { alignSelf: 'flex-start' },
});

export interface NumbersStepProps extends WizardStepProps<AccountWizardValues> {
  creating: boolean;
  /** A failure of the create request that no field owns (server error, network). */
  createError: unknown;
}

/** Its Next creates the account. */
export function NumbersStep({ form, onNext, onBack, onCancel, creating, createError }: NumbersStepProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  const addButton = useRef<HTMLButtonElement>(null);
  const { control, getValues, setValue, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'numbers' });
  const numbers = useWatch({ control, name: 'numbers' });

  const submit = form.handleSubmit(() => {
    if (!creating) onNext();
  });

  const addSandbox = () => {
    const rows = getValues('numbers');
    const index = rows.findIndex((row) => row.number.trim() === '');
    if (index === -1) {
      append({ name: t('numbers.sandboxName'), number: TWILIO_SANDBOX_NUMBER });
      return;
    }
    const options = { shouldDirty: true, shouldTouch: true, shouldValidate: true } as const;
    if (rows[index]?.name.trim() === '') setValue(`numbers.${index}.name`, t('numbers.sandboxName'), options);
    setValue(`numbers.${index}.number`, TWILIO_SANDBOX_NUMBER, options);
  };

  const removeRow = (index: number) => {
    remove(index);
    // The pressed button is gone; without this, focus would fall back to the page.
    addButton.current?.focus();
  };

  const listError = errorText(formState.errors.numbers?.root ?? formState.errors.numbers);

  return (
    <WizardForm
      onSubmit={submit}
      footer={<WizardFooter onBack={onBack} onCancel={onCancel} busy={creating} busyLabel={t('wizard.creating')} />}
    >
      <Body1 as="p">{t('numbers.intro')}</Body1>
      {createError != null && <ProblemAlert error={createError} onRetry={() => void submit()} />}
      <SandboxOffer added={(numbers ?? []).some((row) => isTwilioSandboxNumber(row.number))} onUse={addSandbox} />
      {listError && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>{listError}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <div className={styles.rows}>
        {fields.length === 0 && <Body1>{t('numbers.empty')}</Body1>}
        {fields.map((field, index) => (
          <NumberRow key={field.id} control={control} index={index} onRemove={() => removeRow(index)} />
        ))}
      </div>
      <Button ref={addButton} className={styles.add} icon={<AddRegular />} onClick={() => append(emptyNumberRow())}>
        {t('numbers.add')}
      </Button>
    </WizardForm>
  );
}
