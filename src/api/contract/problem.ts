import { z } from 'zod';

export const problemTypes = {
  validation: '/problems/validation',
  notFound: '/problems/not-found',
  conflict: '/problems/conflict',
  versionConflict: '/problems/version-conflict',
  badRequest: '/problems/bad-request',
  unauthorized: '/problems/unauthorized',
  forbidden: '/problems/forbidden',
  tooManyRequests: '/problems/too-many-requests',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  unavailable: '/problems/unavailable',
  /** A free-form reply outside WhatsApp's 24-hour window (HTTP 422). */
  windowClosed: '/problems/window-closed',
  server: '/problems/server-error',
} as const;

export const fieldErrorSchema = z.object({
  /** Dotted path of the field in the request body, e.g. "numbers.1.number". */
  path: z.string(),
  /** Stable code, translated by the UI (see src/domain/validation-messages.ts). */
  code: z.string(),
  /** English wording, for API users and as a fallback. */
  message: z.string(),
  /** What the message names, such as the refused character: for wording it in another language. */
  params: z.object({ character: z.string().optional() }).optional(),
});

/** RFC 9457 problem details, with field errors for validation problems. */
export const problemSchema = z.looseObject({
  type: z.string().default('about:blank'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
