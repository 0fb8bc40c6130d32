import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountQueries } from '@/resources/accounts';
import { accountsSharingSid } from './shared-sid';

/**
 * A warning, not a refusal: a second account for one Twilio account is allowed (for a
 * trial, say), but it splits the Twilio account's conversations between the two.
 */
export function SharedSidWarning({ accountSid, exceptAccountId }: { accountSid: string; exceptAccountId?: string }) {
  const { t } = useTranslation();
  const accounts = useQuery(accountQueries.list());
  const names = accountsSharingSid(accounts.data?.items ?? [], accountSid, exceptAccountId);
  if (names.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('fields.accountSidSharedTitle')}</MessageBarTitle>
        {t('fields.accountSidShared', { names: names.map((name) => `“${name}”`).join(', ') })}
      </MessageBarBody>
    </MessageBar>
  );
}
