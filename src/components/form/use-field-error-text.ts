import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { validationMessageText } from './validation-text';

/**
 * Form errors carry validation codes (from the contract's zod schemas or the server's
 * problem details); this words them in the current language.
 */
export function useFieldErrorText() {
  const { t } = useTranslation();
  return useCallback(
    (error: { message?: string | undefined } | undefined): string | undefined => {
      const message = error?.message;
      if (!message) return undefined;
      return validationMessageText(t, message) ?? message;
    },
    [t],
  );
}
