import { problemTypes, type Problem } from '@/api/contract/problem';
import { accountLockedBody, badRequestBody, conflictBody, conversationClosedBody, conversationTakenBody, forbiddenBody, mediaProblemBody, notFoundBody, problemDetails, unauthorizedBody, validationProblemBody, versionConflictBody, windowClosedBody } from '@/api/contract/problem-bodies';
import type { Refusal } from '../services/refused';

/** The one place a service's refusal becomes the problem details the API answers. */
export function problemOf(refusal: Refusal): Problem {
  switch (refusal.kind) {
    case 'not-found':
      return notFoundBody(refusal.what);
    case 'version-conflict':
      return versionConflictBody(refusal.what);
    case 'conflict':
      return conflictBody(refusal.detail, refusal.errors);
    case 'validation':
      return validationProblemBody(refusal.errors);
    case 'bad-request':
      return badRequestBody(refusal.detail);
    case 'unauthorized':
      return unauthorizedBody(refusal.detail);
    case 'forbidden':
      return forbiddenBody(refusal.detail);
    case 'window-closed':
      return windowClosedBody();
    case 'conversation-closed':
      return conversationClosedBody();
    case 'conversation-taken':
      return conversationTakenBody();
    case 'media':
      return mediaProblemBody(refusal.code);
    case 'twilio-unavailable':
      return {
        type: problemTypes.unavailable,
        title: 'Twilio did not answer',
        status: 502,
        detail:
          refusal.status === 0
            ? problemDetails.twilioUnreachable
            : `Twilio answered with an error (${refusal.code ?? refusal.status}). Try again later.`,
        ...(refusal.code ? { errorCode: refusal.code } : {}),
      };
    case 'token-unavailable':
      return {
        type: problemTypes.unavailable,
        title: 'Auth token unavailable',
        status: 503,
        detail: 'The stored auth token cannot be opened with this server’s encryption key. Enter the auth token again on the account.',
      };
    case 'attachment-unavailable':
      return { type: problemTypes.unavailable, title: 'Attachment unavailable', status: 502, detail: 'Twilio could not provide this attachment now. Try again later.' };
    case 'locked-out':
      return accountLockedBody(refusal.seconds);
  }
}

/** Headers that belong to a refusal's answer. */
export function headersOf(refusal: Refusal): Record<string, string> {
  return refusal.kind === 'locked-out' ? { 'retry-after': String(refusal.seconds) } : {};
}
