import { parseAccountSid } from '@/domain/account-sid';

/**
 * The names of other accounts with this Account SID, as typed (any case, stray white space).
 * SIDs are not secret: the accounts list carries them.
 */
export function accountsSharingSid(accounts: readonly { id: string; name: string; accountSid: string }[], typed: string, exceptAccountId?: string): string[] {
  const parsed = parseAccountSid(typed);
  if (!parsed.ok) return [];
  return accounts.filter((a) => a.id !== exceptAccountId && a.accountSid === parsed.value).map((a) => a.name);
}
