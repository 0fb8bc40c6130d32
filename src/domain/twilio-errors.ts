/** Twilio error codes worth saying in plain words; other codes are shown as a number. */
export const knownTwilioErrors = ['63016', '63015', '63018', '63019', '21211', '21610', '20003', '63024', '30008'] as const;
export type KnownTwilioError = (typeof knownTwilioErrors)[number];

/** English wording, for API users, logs and as a fallback; the UI translates by code. */
export const twilioErrorMessages: Record<KnownTwilioError, string> = {
  '63016': 'The customer last wrote more than 24 hours ago. Send an approved template instead.',
  '63015': 'This customer has not joined the Twilio sandbox. Ask them to send the join code first.',
  '63018': 'Too many messages were sent too quickly. Wait a moment and try again.',
  '63019': 'WhatsApp could not download or accept the attachment.',
  '21211': 'The customer’s phone number is not valid.',
  '21610': 'The customer has opted out of messages from this number.',
  '20003': 'Twilio refused the Account SID or auth token.',
  '63024': 'The recipient is not a valid WhatsApp user.',
  '30008': 'The message could not be delivered for an unknown reason.',
};

export function isKnownTwilioError(code: string): code is KnownTwilioError {
  return (knownTwilioErrors as readonly string[]).includes(code);
}

export function describeTwilioError(code: string | number | null | undefined): string {
  const key = String(code ?? '');
  return isKnownTwilioError(key) ? twilioErrorMessages[key] : `Twilio reported error ${key || 'without a code'}.`;
}
