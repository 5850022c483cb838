/**
 * Configuration from environment variables, validated once at boot. Every variable is
 * listed in .env.example with its meaning.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  BCRYPT_COST: z.coerce.number().int().min(12, 'must be at least 12').max(15).default(12),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(10).default(600),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1_048_576),
  ATTACHMENT_MAX_COUNT: z.coerce.number().int().min(1).max(1000).default(20),
  TRUST_PROXY: bool.default(false),
  SOCKET_RECHECK_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  SOCKETS_PER_USER: z.coerce.number().int().min(1).default(8),
  COOKIE_SECURE: bool.optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('CERT Hub <no-reply@localhost>'),
  PASSWORD_RESET_TTL_HOURS: z.coerce
    .number()
    .min(0.25)
    .max(24 * 14)
    .default(24),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  mongodbUri: string | undefined;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  bcryptCost: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginFailureWindowSeconds: number;
  apiRequestsPerMinute: number;
  bodyLimitBytes: number;
  attachmentsDir: string;
  attachmentMaxBytes: number;
  attachmentMaxCount: number;
  trustProxy: boolean;
  socketRecheckMs: number;
  socketsPerUser: number;
  /** Refresh cookie only over HTTPS; on by default in production. */
  cookieSecure: boolean;
  publicUrl: string | undefined;
  logLevel: string;
  /** Outgoing notification e-mail; undefined when SMTP_HOST is not set. */
  smtp: { host: string; port: number; secure: boolean; user: string | undefined; pass: string | undefined; from: string } | undefined;
  schedulerIntervalMs: number;
  passwordResetTtlHours: number;
}

export class ConfigError extends Error {}

/**
 * Reads and checks the environment. In production JWT_SECRET is required; elsewhere a
 * random secret is kept in DATA_DIR so that a restart does not sign everybody out.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value (as copied from .env.example) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let jwtSecret = e.JWT_SECRET;
  if (!jwtSecret) {
    if (e.NODE_ENV === 'production')
      throw new ConfigError('Invalid configuration (see .env.example):\n  JWT_SECRET: required in production');
    jwtSecret = localSecret(dataDir);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    mongodbUri: e.MONGODB_URI,
    jwtSecret,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    bcryptCost: e.BCRYPT_COST,
    loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
    loginFailureWindowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
    apiRequestsPerMinute: e.API_REQUESTS_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    attachmentsDir: path.join(dataDir, 'attachments'),
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    attachmentMaxCount: e.ATTACHMENT_MAX_COUNT,
    trustProxy: e.TRUST_PROXY,
    socketRecheckMs: e.SOCKET_RECHECK_MS,
    socketsPerUser: e.SOCKETS_PER_USER,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, pass: e.SMTP_PASSWORD, from: e.SMTP_FROM }
      : undefined,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    passwordResetTtlHours: e.PASSWORD_RESET_TTL_HOURS,
  };
}

function localSecret(dataDir: string): string {
  const file = path.join(dataDir, '.jwt-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = crypto.randomBytes(48).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/** Loads `./.env` into the environment if there is one (variables already set win). */
export function loadDotEnv(file = path.resolve('.env')): void {
  if (!fs.existsSync(file)) return;
  const before = { ...process.env };
  process.loadEnvFile(file);
  Object.assign(process.env, before);
}
