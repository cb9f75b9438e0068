/**
 * The only reader of the environment. Everything else receives a Config.
 * Bad values stop Lantern at start with one clear message per problem.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const PLACEHOLDER_SECRETS = new Set(['changeme', 'secret', 'change-me', 'replace-me', 'lantern']);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const count = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be 1 or more');

const environmentSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'must be development, test or production',
    })
    .default('development'),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be 0 to 65535')
    .max(65535, 'must be 0 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LANTERN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must start with postgres:// or postgresql://')
    .optional(),
  LANTERN_SECRET: z.string().optional(),
  PARTNERSHIP_NAME: z.string().trim().min(1).max(80).default('Lantern Community Safety Partnership'),
  QUICK_EXIT_URL: z
    .url({ protocol: /^https$/, error: 'must be an https:// address' })
    .default('https://www.bbc.co.uk/weather'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .optional(),
  TRUST_PROXY: z.string().optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  LANTERN_DEMO: booleanFlag.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(10),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(3).max(50).default(5),
  SIGN_IN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SIGN_IN_FREE_FAILURES: z.coerce.number().int().min(1).max(20).default(3),
  SIGN_IN_FIRST_DELAY_SECONDS: z.coerce.number().int().min(1).max(600).default(2),
  SIGN_IN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(900),
  SIGN_IN_FAILURES_PER_CLIENT_PER_HOUR: count.default(100),
  // Anonymous reports (features/reports): limits per client per hour, and global quotas behind them.
  REPORT_FORMS_PER_CLIENT_PER_HOUR: count.default(30),
  REPORTS_PER_HOUR: count.default(200),
  RECEIPT_CHECKS_PER_CLIENT_PER_HOUR: count.default(20),
  RECEIPT_CHECKS_PER_HOUR: count.default(1000),
  UPLOAD_MAX_BYTES: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int('must be a whole number')
    .min(1024, 'must be at least 1024')
    .max(50 * 1024 * 1024, 'must be 50 MB (52428800) or less')
    .default(10 * 1024 * 1024),
  LANTERN_AUDIT_KEY: z.string().optional(),
  LANTERN_AUDIT_KEY_FILE: z.string().optional(),
  LANTERN_AUDIT_CHECKPOINT_DIR: z.string().optional(),
  LANTERN_AUDIT_CHECKPOINT_EVERY: count.default(1000),
  LANTERN_AUDIT_CHECKPOINT_SECONDS: count.max(86_400, 'must be 86400 (a day) or less').default(300),
  UPLOAD_BYTES_PER_DAY: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int('must be a whole number')
    .min(1024 * 1024, 'must be at least 1 MB (1048576)')
    .default(2 * 1024 * 1024 * 1024),
});

export type DatabaseConfig =
  { readonly kind: 'pglite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string };

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Signs CSRF tokens and other short-lived values. */
  readonly secret: string;
  readonly partnershipName: string;
  /** Where "Exit this page" sends a person: a neutral site the partnership chooses. */
  readonly quickExitUrl: string;
  readonly logLevel: string;
  /** Express "trust proxy" value: the one reverse proxy Lantern may sit behind, or false. */
  readonly trustProxy: string | false;
  readonly shutdownGraceMs: number;
  /** Load demo data on start (npm run demo). */
  readonly demo: boolean;
  readonly sessions: {
    /** A partner session ends after this long without a request. */
    readonly idleMinutes: number;
    /** ...and this long after sign-in, however busy. */
    readonly absoluteHours: number;
  };
  readonly signIn: {
    /** Wrong codes (the TOTP step) in a row before the account is locked for a while. */
    readonly maxFailures: number;
    readonly lockoutMinutes: number;
    /**
     * Wrong passwords lock nothing: they make the client wait, per account, doubling from
     * firstDelaySeconds after freeFailures up to maxDelaySeconds, and a client with more than
     * failuresPerClientPerHour wrong passwords in an hour waits for the hour to end.
     */
    readonly freeFailures: number;
    readonly firstDelaySeconds: number;
    readonly maxDelaySeconds: number;
    readonly failuresPerClientPerHour: number;
  };
  /** Anonymous reports: throttles (per client per hour, and for everyone) and upload sizes. */
  readonly reports: ReportLimits;
  readonly audit: AuditConfig;
}

export interface AuditConfig {
  /** Keys the audit chain (HMAC-SHA-256) and signs its checkpoints. Never stored in the database. */
  readonly key: Buffer;
  /** Where the key came from; 'development' is a published key, good for demos and tests only. */
  readonly keySource: 'LANTERN_AUDIT_KEY' | 'LANTERN_AUDIT_KEY_FILE' | 'development';
  /** The folder of the append-only checkpoint file, outside the database. */
  readonly checkpointDir: string;
  /** A running server writes a checkpoint once this many entries follow the last one... */
  readonly checkpointEvery: number;
  /** ...and at least this often while entries are being written. */
  readonly checkpointSeconds: number;
}

/**
 * The audit key outside production when none is set: derived from a fixed label, so every process
 * (server, `lantern audit verify`, tests) agrees on it. It is public, so it proves nothing.
 */
export const DEVELOPMENT_AUDIT_KEY: Buffer = createHash('sha256')
  .update('Lantern development audit key: published, not secret')
  .digest();

const MIN_AUDIT_KEY_BYTES = 32;

/**
 * A key written as hex or base64 (either alphabet), at least 32 bytes; null if it is neither.
 * Text of hex digits only is read as hex (a random base64 key of 44 characters never is).
 */
export function parseAuditKey(text: string): Buffer | null {
  const value = text.trim();
  let key: Buffer | null = null;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(value)) key = Buffer.from(value, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const standard = value.replace(/-/g, '+').replace(/_/g, '/');
    const decoded = Buffer.from(standard, 'base64');
    // Node's decoder skips what it cannot read: accept only text that decodes in full.
    if (decoded.toString('base64').replace(/=+$/, '') === standard.replace(/=+$/, '')) key = decoded;
  }
  return key && key.length >= MIN_AUDIT_KEY_BYTES ? key : null;
}

function auditKeyFrom(
  e: {
    NODE_ENV: string;
    LANTERN_AUDIT_KEY?: string | undefined;
    LANTERN_AUDIT_KEY_FILE?: string | undefined;
  },
  problems: string[],
): Pick<AuditConfig, 'key' | 'keySource'> {
  const badKey = `must be a key of at least ${MIN_AUDIT_KEY_BYTES} bytes, written as hex or base64 (e.g. openssl rand -hex 32)`;
  if (e.LANTERN_AUDIT_KEY && e.LANTERN_AUDIT_KEY_FILE) {
    problems.push('set LANTERN_AUDIT_KEY or LANTERN_AUDIT_KEY_FILE, not both');
  } else if (e.LANTERN_AUDIT_KEY) {
    const key = parseAuditKey(e.LANTERN_AUDIT_KEY);
    if (key) return { key, keySource: 'LANTERN_AUDIT_KEY' };
    problems.push(`LANTERN_AUDIT_KEY ${badKey}`);
  } else if (e.LANTERN_AUDIT_KEY_FILE) {
    let text: string | null = null;
    try {
      text = readFileSync(e.LANTERN_AUDIT_KEY_FILE, 'utf8');
    } catch (error) {
      problems.push(
        `LANTERN_AUDIT_KEY_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    const key = text === null ? null : parseAuditKey(text);
    if (key) return { key, keySource: 'LANTERN_AUDIT_KEY_FILE' };
    if (text !== null) problems.push(`LANTERN_AUDIT_KEY_FILE ${badKey}`);
  } else if (e.NODE_ENV === 'production') {
    problems.push('LANTERN_AUDIT_KEY or LANTERN_AUDIT_KEY_FILE must be set in production');
  }
  return { key: DEVELOPMENT_AUDIT_KEY, keySource: 'development' };
}

export interface ReportLimits {
  /** Report form posts (checking answers, sending, adding information) per client per hour. */
  readonly formsPerClientPerHour: number;
  /** Reports accepted per hour from everyone together. */
  readonly reportsPerHour: number;
  readonly receiptChecksPerClientPerHour: number;
  /** Receipt checks per hour from everyone together (each runs argon2). */
  readonly receiptChecksPerHour: number;
  /** Largest file a reporter may send. */
  readonly uploadMaxBytes: number;
  /** Bytes of files stored in any 24 hours (originals and sanitised copies), so a flood cannot fill the disk. */
  readonly uploadBytesPerDay: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Lantern cannot start: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads config from an environment (process.env by default). Throws ConfigError on bad values. */
export function loadConfig(
  environment: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  // Treat empty strings as unset, as a shell `FOO= cmd` means "no value".
  const cleaned = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];

  let secret = e.LANTERN_SECRET;
  if (e.NODE_ENV === 'production') {
    if (!secret) problems.push('LANTERN_SECRET must be set in production');
    else if (secret.length < 32) problems.push('LANTERN_SECRET must be at least 32 characters');
    else if (PLACEHOLDER_SECRETS.has(secret.toLowerCase()))
      problems.push('LANTERN_SECRET is a placeholder: set a random value');
  } else if (secret !== undefined && secret.length < 32) {
    problems.push('LANTERN_SECRET must be at least 32 characters');
  }
  // Outside production a missing secret gets a random one: tokens then last one process only.
  secret ??= randomBytes(32).toString('base64url');
  const auditKey = auditKeyFrom(e, problems);

  if (problems.length > 0) throw new ConfigError(problems);

  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(e.LANTERN_DATA_DIR) };

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    secret,
    partnershipName: e.PARTNERSHIP_NAME,
    quickExitUrl: e.QUICK_EXIT_URL,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy: e.TRUST_PROXY ?? false,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    sessions: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    signIn: {
      maxFailures: e.SIGN_IN_MAX_FAILURES,
      lockoutMinutes: e.SIGN_IN_LOCKOUT_MINUTES,
      freeFailures: e.SIGN_IN_FREE_FAILURES,
      firstDelaySeconds: e.SIGN_IN_FIRST_DELAY_SECONDS,
      maxDelaySeconds: Math.max(e.SIGN_IN_MAX_DELAY_SECONDS, e.SIGN_IN_FIRST_DELAY_SECONDS),
      failuresPerClientPerHour: e.SIGN_IN_FAILURES_PER_CLIENT_PER_HOUR,
    },
    demo: e.LANTERN_DEMO,
    reports: {
      formsPerClientPerHour: e.REPORT_FORMS_PER_CLIENT_PER_HOUR,
      reportsPerHour: e.REPORTS_PER_HOUR,
      receiptChecksPerClientPerHour: e.RECEIPT_CHECKS_PER_CLIENT_PER_HOUR,
      receiptChecksPerHour: e.RECEIPT_CHECKS_PER_HOUR,
      uploadMaxBytes: e.UPLOAD_MAX_BYTES,
      uploadBytesPerDay: e.UPLOAD_BYTES_PER_DAY,
    },
    audit: {
      ...auditKey,
      checkpointDir: path.resolve(
        e.LANTERN_AUDIT_CHECKPOINT_DIR ?? path.join(e.LANTERN_DATA_DIR, 'audit-checkpoints'),
      ),
      checkpointEvery: e.LANTERN_AUDIT_CHECKPOINT_EVERY,
      checkpointSeconds: e.LANTERN_AUDIT_CHECKPOINT_SECONDS,
    },
    ...overrides,
  };
}

/** A config for tests: test environment, silent logs, the given database. */
export function testConfig(database: DatabaseConfig, overrides: Partial<Config> = {}): Config {
  return loadConfig({ NODE_ENV: 'test' }, { database, ...overrides });
}
