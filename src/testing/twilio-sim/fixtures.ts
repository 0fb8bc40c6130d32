import type { SimAccountOptions } from '../../twilio-sim/types';

/** Test-only accounts and helpers for the simulator's own tests. */
export const sandboxAccount = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: 'aaaa1111bbbb2222cccc3333dddd4444',
  friendlyName: 'Sandbox test account',
  sandbox: { joinCode: 'bright-river' },
} satisfies SimAccountOptions;

export const fullAccount = {
  accountSid: 'ACfedcba9876543210fedcba9876543210',
  authToken: '9999eeee8888dddd7777cccc6666bbbb',
  friendlyName: 'Full test account',
  senders: ['+358401110000'],
} satisfies SimAccountOptions;

export const tinyDelays = { sent: 5, delivered: 5, read: 5 };

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export function form(params: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const item of [value].flat()) body.append(name, item);
  return body;
}
