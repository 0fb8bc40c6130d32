import { z } from 'zod';
import { presences } from '@/domain/work-distribution/presence';
import { EMAIL_PATTERN, hasNoControlCharacter, idField, requiredText, strictInputErrors } from './fields';

export const roles = ['admin', 'agent'] as const;
export type Role = (typeof roles)[number];

export const MIN_PASSWORD_LENGTH = 12;

/** Wrong passwords in a row before an account waits, and how long (docs/decisions/0008). */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;

export const emailField = z
  .string({ error: 'email.required' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'email.required', abort: true })
  .max(254, { error: 'email.invalid' })
  .regex(EMAIL_PATTERN, { error: 'email.invalid' });

/** A new password: long rather than clever (no composition rules, as NIST SP 800-63B advises). */
export const newPasswordField = z
  .string({ error: 'password.required' })
  .min(1, { error: 'password.required', abort: true })
  .min(MIN_PASSWORD_LENGTH, { error: 'password.tooShort' })
  .max(200, { error: 'password.tooLong' })
  // A NUL cannot travel in a request body, and a control character pasted by accident could not be typed at sign-in.
  .refine(hasNoControlCharacter, { error: 'text.controlCharacter' });

export const userNameField = requiredText(100, { required: 'name.required', tooLong: 'name.tooLong' });

export const sessionUserSchema = z.object({
  id: idField,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  /** The presence they chose (administrators see Offline instead when they have gone quiet). */
  presence: z.enum(presences),
});

/** GET /api/session: who is signed in, and the token every state-changing request sends back. */
export const sessionSchema = z.object({
  user: sessionUserSchema,
  /** Sent back as the X-CSRF-Token header on POST, PUT, PATCH and DELETE. */
  csrfToken: z.string().min(1),
  /** When the session ends if nothing happens before then. */
  expiresAt: z.iso.datetime(),
});

/**
 * GET /api/session from a browser that holds no session: nobody is signed in (an answer, not
 * an error), and whether the first administrator is still to be created through the setup link
 * the server printed. A session cookie that no longer opens a session is answered 401 instead.
 */
export const anonymousSessionSchema = z.object({ user: z.null(), setupNeeded: z.boolean() });

/** GET /api/session: the signed-in session, or the anonymous answer. */
export const sessionAnswerSchema = z.union([sessionSchema, anonymousSessionSchema]);

/** The session of an answer that must have one (behind the session gate, in tests of signed-in users). */
export function signedInSession(answer: SessionAnswer): Session {
  if (answer.user === null) throw new Error('Nobody is signed in.');
  return answer;
}

/** POST /api/session: sign in. */
export const signInInputSchema = z.strictObject(
  {
    email: z.string({ error: 'email.required' }).trim().toLowerCase().min(1, { error: 'email.required' }).max(254, { error: 'email.invalid' }),
    password: z.string({ error: 'password.required' }).min(1, { error: 'password.required' }).max(200, { error: 'password.tooLong' }),
  },
  strictInputErrors,
);

/** PUT /api/session/password: a user changes their own password; their other sessions end. */
export const passwordChangeInputSchema = z.strictObject(
  {
    currentPassword: z.string({ error: 'password.required' }).min(1, { error: 'password.required' }).max(200, { error: 'password.wrong' }),
    newPassword: newPasswordField,
  },
  strictInputErrors,
);

/** GET /api/setup: whether the first administrator still has to be created. */
export const setupStatusSchema = z.object({ needed: z.boolean() });

/** POST /api/setup: the first administrator, with the token of the link the server printed. */
export const setupInputSchema = z.strictObject(
  {
    token: z.string({ error: 'setup.linkInvalid' }).min(1, { error: 'setup.linkInvalid' }).max(200, { error: 'setup.linkInvalid' }),
    name: userNameField,
    email: emailField,
    password: newPasswordField,
  },
  strictInputErrors,
);

/** The header that carries the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

export type Session = z.infer<typeof sessionSchema>;
export type AnonymousSession = z.infer<typeof anonymousSessionSchema>;
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type SignInInput = z.input<typeof signInInputSchema>;
export type PasswordChangeInput = z.input<typeof passwordChangeInputSchema>;
export type SetupInput = z.input<typeof setupInputSchema>;
