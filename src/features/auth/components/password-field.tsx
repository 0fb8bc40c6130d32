import { Button, Input } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { useAuthFieldErrorText } from './use-auth-field-error-text';

interface PasswordFieldProps<T extends FieldValues, C, O> {
  control: Control<T, C, O>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
  /** Tells password managers whether to fill in a saved password or offer to save a new one. */
  autoComplete: 'current-password' | 'new-password';
}

/** A required password input with a show/hide toggle, so that a typo can be checked before sending. */
export function PasswordField<T extends FieldValues, C = unknown, O = T>({ control, name, label, hint, autoComplete }: PasswordFieldProps<T, C, O>) {
  const { t } = useTranslation();
  const errorText = useAuthFieldErrorText();
  const [visible, setVisible] = useState(false);
  return (
    <FormField control={control} name={name} label={requiredLabel(label)} hint={hint} errorText={errorText}>
      {(field) => (
        <Input
          ref={field.ref}
          name={field.name}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={(_, data) => field.onChange(data.value)}
          onBlur={field.onBlur}
          type={visible ? 'text' : 'password'}
          aria-required
          autoComplete={autoComplete}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          contentAfter={
            <Button
              type="button"
              appearance="transparent"
              size="small"
              icon={visible ? <EyeOffRegular /> : <EyeRegular />}
              aria-label={visible ? t('auth.fields.hidePassword') : t('auth.fields.showPassword')}
              aria-pressed={visible}
              onClick={() => setVisible((v) => !v)}
            />
          }
        />
      )}
    </FormField>
  );
}
