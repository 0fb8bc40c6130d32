import { resolve } from 'node:path';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  APP_SECRET_KEY: z.string().min(1).optional(),
  APP_SECRET_KEY_PREVIOUS: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  TRUST_PROXY: z.string().optional(),
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(8 * 60),
  STATIC_DIR: z.string().min(1).default('./dist/app'),
  TWILIO_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  ASSIGNMENT_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** Where browsers and Twilio reach the server, without a trailing slash. */
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  appSecretKey?: string;
  appSecretKeyPrevious?: string;
  logLevel: (typeof logLevels)[number];
  /** Fastify's trustProxy: false, true, a hop count, or addresses. */
  trustProxy: boolean | number | string;
  sessionIdleMinutes: number;
  /** Sign-in attempts per minute from one address, whatever the account. */
  signInAttemptsPerMinute: number;
  /** The built SPA; served when it exists. */
  staticDir: string;
  /**
   * Where Twilio's REST API is called: unset for the real Twilio, or the local
   * simulator's address (`npm run twilio-sim`) for offline use and tests.
   */
  twilioApiBaseUrl?: string;
  /** How often each instance runs the assignment pass for what time alone changes (a queue opening, wrap-up ending). */
  assignmentSweepMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment; a wrong value stops the start with the variable's name and what it needs. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`The configuration is not valid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    appSecretKey: e.APP_SECRET_KEY,
    appSecretKeyPrevious: e.APP_SECRET_KEY_PREVIOUS,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    signInAttemptsPerMinute: e.SIGN_IN_ATTEMPTS_PER_MINUTE,
    staticDir: resolve(e.STATIC_DIR),
    twilioApiBaseUrl: e.TWILIO_API_BASE_URL?.replace(/\/+$/, ''),
    assignmentSweepMs: e.ASSIGNMENT_SWEEP_MS,
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
