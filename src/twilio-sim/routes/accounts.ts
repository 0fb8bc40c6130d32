import { rfc2822 } from '../dates';
import { sendJson } from '../http';
import type { SimAccount } from '../types';
import { authorizedAccount, type Route } from './context';

const subresources = ['addresses', 'conferences', 'signing_keys', 'transcriptions', 'connect_apps', 'sip', 'authorized_connect_apps', 'usage', 'keys', 'applications', 'recordings', 'short_codes', 'calls', 'notifications', 'incoming_phone_numbers', 'queues', 'messages', 'outgoing_caller_ids', 'available_phone_numbers', 'balance'];
const subresourcePaths: Record<string, string> = { signing_keys: 'SigningKeys', sip: 'SIP', short_codes: 'SMS/ShortCodes', authorized_connect_apps: 'AuthorizedConnectApps', connect_apps: 'ConnectApps', incoming_phone_numbers: 'IncomingPhoneNumbers', outgoing_caller_ids: 'OutgoingCallerIds', available_phone_numbers: 'AvailablePhoneNumbers' };

function pascal(name: string): string {
  return subresourcePaths[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/** The account resource as Twilio's v2010 API returns it (the real API includes the auth token too). */
export function accountResource(account: SimAccount): Record<string, unknown> {
  const base = `/2010-04-01/Accounts/${account.accountSid}`;
  return {
    auth_token: account.authToken,
    date_created: rfc2822(account.createdAt),
    date_updated: rfc2822(account.createdAt),
    friendly_name: account.friendlyName,
    owner_account_sid: account.accountSid,
    sid: account.accountSid,
    status: account.status,
    subresource_uris: Object.fromEntries(subresources.map((name) => [name, `${base}/${pascal(name)}.json`])),
    type: account.sandbox ? 'Trial' : 'Full',
    uri: `${base}.json`,
  };
}

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/2010-04-01\/Accounts\/([^/]+)\.json$/,
    handle(context, match) {
      const account = authorizedAccount(context, decodeURIComponent(match[1]!));
      if (account) sendJson(context.response, 200, accountResource(account));
    },
  },
];
