import { Body1, Label, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import type { WizardStepProps } from '@/components/wizard/wizard';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { NoFreeNumber } from './no-free-number';
import type { SetupDraft } from './setup-draft';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  account: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  accountName: { fontWeight: tokens.fontWeightSemibold },
  number: { fontFamily: tokens.fontFamilyMonospace },
  usedBy: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface NumberStepProps extends WizardStepProps<SetupDraft> {
  workstreamId: string;
  accounts: WhatsAppAccount[];
}

/** Who else uses a number, if anyone: a number serves one workstream at a time. */
export function otherWorkstream(account: WhatsAppAccount[], numberId: string, workstreamId: string) {
  const number = account.flatMap((a) => a.numbers).find((n) => n.id === numberId);
  return number?.workstream && number.workstream.id !== workstreamId ? number.workstream : null;
}

export function NumberStep({ form, onNext, onBack, onCancel, workstreamId, accounts }: NumberStepProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  const ids = useId();
  const container = useRef<HTMLDivElement>(null);
  const numbers = accounts.flatMap((account) => account.numbers);
  const anyFree = numbers.some((n) => !n.workstream || n.workstream.id === workstreamId);

  const next = form.handleSubmit((values) => {
    const code = !numbers.some((n) => n.id === values.numberId)
      ? 'number.notFound'
      : otherWorkstream(accounts, values.numberId, workstreamId)
        ? 'number.bound'
        : null;
    if (code) {
      form.setError('numberId', { type: 'list', message: code }, { shouldFocus: true });
      return;
    }
    onNext();
  });

  const focusChoice = () =>
    container.current
      ?.querySelector<HTMLInputElement>('input[type=radio]:checked:not(:disabled), input[type=radio]:not(:disabled)')
      ?.focus();

  return (
    <WizardForm onSubmit={next} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
      <Body1 as="p">{t('whatsAppSetup.number.intro')}</Body1>
      {!anyFree && <NoFreeNumber hasNumbers={numbers.length > 0} />}
      {numbers.length > 0 && (
        <Controller
          control={form.control}
          name="numberId"
          render={({ field, fieldState }) => {
            const message = errorText(fieldState.error);
            return (
              <div
                ref={(element) => {
                  container.current = element;
                  field.ref({ focus: focusChoice });
                }}
                role="group"
                aria-labelledby={`${ids}-label`}
                aria-describedby={message ? `${ids}-error` : undefined}
                className={styles.field}
              >
                <Label id={`${ids}-label`} required={{ children: '*', 'aria-hidden': true }}>
                  {t('whatsAppSetup.number.label')}
                </Label>
                {accounts
                  .filter((account) => account.numbers.length > 0)
                  .map((account) => (
                    <div key={account.id} className={styles.account}>
                      <Text id={`${ids}-${account.id}`} className={styles.accountName}>
                        {t('whatsAppSetup.number.accountGroup', { account: account.name })}
                      </Text>
                      <RadioGroup
                        name="numberId"
                        aria-labelledby={`${ids}-${account.id}`}
                        aria-invalid={message ? true : undefined}
                        value={field.value}
                        onChange={(_, data) => field.onChange(data.value)}
                        onBlur={field.onBlur}
                      >
                        {account.numbers.map((number) => {
                          const user = number.workstream;
                          const elsewhere = user && user.id !== workstreamId;
                          return (
                            <Radio
                              key={number.id}
                              value={number.id}
                              disabled={!!elsewhere}
                              label={
                                <>
                                  {number.name}, <span className={styles.number}>{number.number}</span>
                                  {user && (
                                    <span className={styles.usedBy}>
                                      {' '}
                                      ({elsewhere ? t('whatsAppSetup.number.usedBy', { name: user.name }) : t('whatsAppSetup.number.usedHere')})
                                    </span>
                                  )}
                                </>
                              }
                            />
                          );
                        })}
                      </RadioGroup>
                    </div>
                  ))}
                {message && (
                  <Text id={`${ids}-error`} role="alert" className={styles.error}>
                    {message}
                  </Text>
                )}
              </div>
            );
          }}
        />
      )}
    </WizardForm>
  );
}
