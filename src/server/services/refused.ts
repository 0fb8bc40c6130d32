import type { FieldError } from '@/api/contract/problem';

/** Why a service would not do what it was asked; src/server/http/refusals.ts says it as problem details. */
export type Refusal =
  | { kind: 'not-found'; what: string }
  | { kind: 'version-conflict'; what: string }
  /** The request fits the contract but collides with what is stored (a name taken, a thing in use). */
  | { kind: 'conflict'; detail: string; errors: FieldError[] }
  | { kind: 'validation'; errors: FieldError[] }
  | { kind: 'bad-request'; detail: string }
  | { kind: 'unauthorized'; detail?: string }
  | { kind: 'forbidden'; detail?: string }
  | { kind: 'window-closed' }
  | { kind: 'conversation-closed' }
  | { kind: 'conversation-taken' }
  | { kind: 'media'; code: 'media.type' | 'media.tooLarge' | 'media.imageTooLarge' }
  /** Twilio could not be reached (status 0) or answered with an error. */
  | { kind: 'twilio-unavailable'; status: number; code?: string }
  /** A stored auth token this server's key cannot open. */
  | { kind: 'token-unavailable' }
  /** Too many wrong passwords for one account: it waits this long. */
  | { kind: 'locked-out'; seconds: number }
  /** An inbound attachment Twilio cannot provide now. */
  | { kind: 'attachment-unavailable' };

/** Thrown by a service; it rolls back the transaction it is thrown in. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
    this.name = 'Refused';
  }
}

export const refuse = {
  notFound: (what: string) => new Refused({ kind: 'not-found', what }),
  versionConflict: (what: string) => new Refused({ kind: 'version-conflict', what }),
  conflict: (detail: string, errors: FieldError[]) => new Refused({ kind: 'conflict', detail, errors }),
  validation: (errors: FieldError[]) => new Refused({ kind: 'validation', errors }),
  badRequest: (detail: string) => new Refused({ kind: 'bad-request', detail }),
  unauthorized: (detail?: string) => new Refused({ kind: 'unauthorized', detail }),
  forbidden: (detail?: string) => new Refused({ kind: 'forbidden', detail }),
  windowClosed: () => new Refused({ kind: 'window-closed' }),
  conversationClosed: () => new Refused({ kind: 'conversation-closed' }),
  conversationTaken: () => new Refused({ kind: 'conversation-taken' }),
  media: (code: 'media.type' | 'media.tooLarge' | 'media.imageTooLarge') => new Refused({ kind: 'media', code }),
  twilioUnavailable: (status: number, code?: string) => new Refused({ kind: 'twilio-unavailable', status, code }),
  tokenUnavailable: () => new Refused({ kind: 'token-unavailable' }),
  lockedOut: (seconds: number) => new Refused({ kind: 'locked-out', seconds }),
  attachmentUnavailable: () => new Refused({ kind: 'attachment-unavailable' }),
};
