import type { z } from 'zod';
import { validationMessages, type ValidationCode } from '@/domain/validation-messages';
import { windowClosedDetail } from './conversation';
import { problemTypes, type FieldError, type Problem } from './problem';
import type { Usage } from './usage';
import { toFieldErrors } from './validation-issues';

/*
 * The problem details both backends answer with, worded once: the MSW mock and the
 * server wrap these bodies in their own responses, so their wording cannot drift.
 */

export function fieldError(path: string, code: ValidationCode): FieldError {
  return { path, code, message: validationMessages[code] };
}

export function validationProblemBody(errors: FieldError[]): Problem {
  return { type: problemTypes.validation, title: 'Some fields need attention', status: 400, errors };
}

/** `input` is what was parsed: it tells a missing field from an invalid one. */
export function zodProblemBody(error: z.ZodError, input: unknown): Problem {
  return validationProblemBody(toFieldErrors(error, input));
}

export function conflictBody(detail: string, errors: FieldError[]): Problem {
  return { type: problemTypes.conflict, title: 'Conflict', status: 409, detail, errors };
}

/** Why a queue cannot be deleted: every place that still sends conversations to it. */
export function queueInUseDetail(usedBy: Usage[]): string {
  const places = usedBy.map((usage) =>
    usage.kind === 'workstream' ? `the workstream “${usage.name}” as its fallback queue` : `the rule “${usage.ruleName}” of “${usage.workstreamName}”`,
  );
  const listed = places.length === 1 ? places[0] : `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
  return `Used by ${listed}. Choose another queue there first, then delete this one.`;
}

export function versionConflictBody(what: string): Problem {
  return {
    type: problemTypes.versionConflict,
    title: 'Changed by someone else',
    status: 409,
    detail: `Someone else changed this ${what} after you opened it. Reload to see their changes.`,
  };
}

export function notFoundBody(what: string): Problem {
  return { type: problemTypes.notFound, title: 'Not found', status: 404, detail: `This ${what} does not exist, or it was deleted.` };
}

export function badRequestBody(detail: string): Problem {
  return { type: problemTypes.badRequest, title: 'Bad request', status: 400, detail };
}

/**
 * Details of refusals both backends answer with, worded once. (Their field errors carry
 * the codes; these say the same to someone reading the API.)
 */
export const problemDetails = {
  accountNameTaken: 'An account with this name already exists.',
  numbersOfRequestTaken: 'Another account already uses a number of this request.',
  numberTaken: 'This number is already in use.',
  lastNumber: 'An account needs at least one WhatsApp number. Add another before removing this one.',
  tooManyNumbers: 'This account already has as many WhatsApp numbers as it can have.',
  queueNameTaken: 'Another queue already has this name.',
  workstreamNameTaken: 'Another workstream already has this name.',
  templateTaken: 'This account already has a template with this name in this language.',
  unknownCursor: 'The cursor is not one this server gave out.',
  conversationClosedAlready: 'This conversation is closed already.',
  twilioRefusedCredentials: 'Twilio refused the Account SID or auth token. Check them on the account, then sync again.',
  twilioUnreachable: 'Twilio could not be reached. Check the server’s internet connection and try again.',
} as const;

/** Removing a number that a workstream's WhatsApp setup still uses. */
export const numberInUseDetail = (workstreamName: string) => `The workstream “${workstreamName}” uses this number. Remove its WhatsApp setup first.`;

/** Setting up WhatsApp on a number another workstream uses. */
export const numberSetUpElsewhereDetail = (workstreamName: string) =>
  `The workstream “${workstreamName}” already uses this number. Remove its WhatsApp setup first, or choose another number.`;

/** POST /api/setup once the first administrator exists. */
export const administratorExistsDetail = 'An administrator exists already. Sign in, or ask an administrator to add you.';

export const malformedJsonDetail = 'The request body is not valid JSON.';
export const missingBodyDetail = 'The request needs a JSON body.';

export function unauthorizedBody(detail = 'Sign in to continue.'): Problem {
  return { type: problemTypes.unauthorized, title: 'Not signed in', status: 401, detail };
}

/** A wrong password and an unknown address get the same answer: it tells a guesser nothing. */
export const wrongCredentialsDetail = 'The email or password is not right.';

/** Sign-in to an account after too many wrong passwords in a row (docs/decisions/0008). */
export function accountLockedBody(retryAfterSeconds: number): Problem {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return tooManyRequestsBody(
    retryAfterSeconds,
    `Too many wrong passwords for this account. Wait ${minutes} minutes and try again, or ask an administrator to set a new password.`,
  );
}

export function forbiddenBody(detail = 'Your role does not allow this. Ask an administrator.'): Problem {
  return { type: problemTypes.forbidden, title: 'Forbidden', status: 403, detail };
}

export function tooManyRequestsBody(retryAfterSeconds: number, detail?: string): Problem {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    type: problemTypes.tooManyRequests,
    title: 'Too many attempts',
    status: 429,
    detail: detail ?? `Too many attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    // An extension member (RFC 9457 §3.2): lets the UI say the wait in the reader's language.
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  };
}

/** A free-form reply outside the 24-hour window: only an approved template may go now. */
export function windowClosedBody(): Problem {
  return { type: problemTypes.windowClosed, title: 'Reply window closed', status: 422, detail: windowClosedDetail };
}

export const conversationClosedDetail = 'This conversation is closed. The customer’s next message opens a new one.';
export const conversationTakenDetail = 'Another agent has already accepted this conversation.';

/** Sending to, accepting or closing a conversation that is closed already. */
export function conversationClosedBody(): Problem {
  return conflictBody(conversationClosedDetail, []);
}

/** Accepting a conversation someone else has taken (pick mode). */
export function conversationTakenBody(): Problem {
  return conflictBody(conversationTakenDetail, []);
}

export const capacityFullDetail = 'You have no room for another conversation now. Close or transfer one first, or ask an administrator to raise your capacity.';
export const notYourConversationDetail = 'Only the agent the conversation is assigned to, or an administrator, can do this.';

export const withBotDetail = 'The bot has this conversation. Agents get it when the bot hands over, at the latest when the bot fails to answer within 5 seconds.';

/** Accepting or transferring a conversation its workstream's bot still has. */
export function withBotBody(): Problem {
  return conflictBody(withBotDetail, []);
}

/** Accepting a conversation (pick mode) with no capacity left. */
export function capacityFullBody(): Problem {
  return conflictBody(capacityFullDetail, []);
}

/** An upload WhatsApp would not accept: 415 for its type, 413 for its size, in the words of its code. */
export function mediaProblemBody(code: 'media.type' | 'media.tooLarge' | 'media.imageTooLarge'): Problem {
  const errors = [fieldError('file', code)];
  return code === 'media.type'
    ? { type: problemTypes.unsupportedMediaType, title: 'Unsupported file type', status: 415, detail: validationMessages[code], errors }
    : { type: problemTypes.payloadTooLarge, title: 'File too large', status: 413, detail: validationMessages[code], errors };
}
