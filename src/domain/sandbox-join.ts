import { isTwilioSandboxNumber } from './e164';

/**
 * "join <code>" as a customer sends it to Twilio's sandbox: the code is hyphenated words
 * ("join bright-harbor"), written in any case, nothing else in the message.
 */
const JOIN_COMMAND = /^\s*join\s+[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*\s*$/iu;

/**
 * Whether a message is the customer joining the sandbox rather than writing to us. Twilio
 * answers the join itself; when one reaches us anyway it must not open (and route) a
 * conversation on "join …": the customer's next message is the first one that counts.
 */
export function isSandboxJoin(businessNumber: string, body: string, mediaCount = 0): boolean {
  return mediaCount === 0 && isTwilioSandboxNumber(businessNumber) && JOIN_COMMAND.test(body);
}
