import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { PASSWORDS_DIFFER } from './form-schemas';

/** Field errors of the auth forms: the API's validation codes, and the browser's own password check. */
export function useAuthFieldErrorText() {
  const { t } = useTranslation();
  const base = useFieldErrorText();
  return useCallback(
    (error: { message?: string | undefined } | undefined) =>
      error?.message === PASSWORDS_DIFFER ? t('auth.fields.passwordsDiffer') : base(error),
    [base, t],
  );
}
