import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownTwilioError } from '@/domain/twilio-errors';

/** Twilio's error code in plain words, in the UI language; other codes are named by number. */
export function useTwilioErrorText() {
  const { t } = useTranslation();
  return useCallback(
    (code: string | null): string => {
      if (code === null || code === '') return t('conversations.twilioErrors.none');
      return isKnownTwilioError(code) ? t(`conversations.twilioErrors.${code}`) : t('conversations.twilioErrors.other', { code });
    },
    [t],
  );
}
