/** Ours, not Twilio's: the send got no answer, so whether Twilio took the message is unknown. */
export const NO_ANSWER = 'no-answer';

/** Twilio error codes worth saying in plain words (and our NO_ANSWER); other codes are shown as a number. */
export const knownTwilioErrors = ['63016', '63015', '63018', '63019', '21211', '21610', '20003', '63024', '30008', '21617', NO_ANSWER] as const;
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
  '21617': 'The message is longer than the 1,600 characters Twilio sends. Split it into two.',
  'no-answer': 'Twilio did not answer in time, so the message may or may not have reached the customer. Check the conversation before sending it again.',
};

/** Twilio's answers that the customer's 24-hour window is closed, whatever our clock says. */
export const windowClosedErrors: readonly string[] = ['63016'];

export function closesReplyWindow(code: string | number | null | undefined): boolean {
  return code !== null && code !== undefined && windowClosedErrors.includes(String(code));
}

export function isKnownTwilioError(code: string): code is KnownTwilioError {
  return (knownTwilioErrors as readonly string[]).includes(code);
}

export function describeTwilioError(code: string | number | null | undefined): string {
  const key = String(code ?? '');
  return isKnownTwilioError(key) ? twilioErrorMessages[key] : `Twilio reported error ${key || 'without a code'}.`;
}
