import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { DEFAULT_TIME_ZONE } from '@mre/contracts';
import { IsTimeZone } from '@/core/http/is-time-zone';
import { IsServiceUrl } from './is-service-url';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? (({ true: true, '1': true, on: true, false: false, '0': false, off: false } as Record<string, boolean>)[
        value.toLowerCase()
      ] ?? value)
    : value;

/** The process environment as the contract's configuration table describes it. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsServiceUrl(['postgres:', 'postgresql:'])
  DATABASE_URL?: string;

  @IsServiceUrl(['redis:', 'rediss:'])
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Key prefix of the queues in Redis, so that test runs sharing one Redis stay apart. */
  @IsString()
  QUEUE_PREFIX = 'mre';

  @IsServiceUrl(['ws:', 'wss:', 'http:', 'https:'])
  LIVEKIT_URL = 'ws://127.0.0.1:7880';

  @IsString()
  @MinLength(1)
  LIVEKIT_API_KEY = 'devkey';

  @IsString()
  @MinLength(1)
  LIVEKIT_API_SECRET = 'secret';

  @IsOptional()
  @IsServiceUrl(['smtp:', 'smtps:'])
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'MRE Academy <no-reply@academy.local>';

  @IsOptional()
  @IsString()
  @MinLength(16)
  JWT_SECRET?: string;

  @IsEmail({ require_tld: false })
  ADMIN_EMAIL = 'admin@academy.local';

  @IsOptional()
  @IsString()
  @MinLength(10)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsServiceUrl(['http:', 'https:'])
  PUBLIC_URL?: string;

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(24 * 60)
  JOIN_WINDOW_MINUTES = 15;

  /** Join requests one person may make for one session in a minute. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  JOIN_RATE_LIMIT_PER_USER = 10;

  /** Join requests one client address may make in a minute (a centre's trainees may share one). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  JOIN_RATE_LIMIT_PER_IP = 1000;

  /**
   * Which proxies may set X-Forwarded-For: `off` (the client address is the socket's), a number of
   * proxy hops, or addresses and ranges separated by commas (`loopback`, `10.0.0.0/8`...).
   * Off by default, or anyone could choose the address the per-IP limits count against.
   */
  @Matches(/^(off|false|true|\d+|[\w.:/-]+(\s*,\s*[\w.:/-]+)*)$/, {
    message: 'TRUST_PROXY must be off, true, a number of hops, or addresses separated by commas',
  })
  TRUST_PROXY = 'off';

  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA = false;

  /** Where the embedded database, generated secrets and written e-mails live. */
  @IsString()
  DATA_DIR = '.data';

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  INVITE_TTL_HOURS = 72;

  /** How long a password-reset link works. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /**
   * Roles whose people must enable two-factor sign-in (e.g. `admin,coordinator`): until they have,
   * their tokens only reach their profile and the 2FA setup.
   */
  @Matches(/^\s*((admin|coordinator|expert|trainee)\s*(,\s*(admin|coordinator|expert|trainee)\s*)*)?$/, {
    message:
      'TWO_FACTOR_REQUIRED_FOR must list roles separated by commas (admin, coordinator, expert, trainee)',
  })
  TWO_FACTOR_REQUIRED_FOR = '';

  /** How often a worker looks for stored webhooks that no queued job covers (after a Redis outage). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(100)
  INBOX_SWEEP_MS = 15_000;

  /** PostgreSQL connections per process (API or worker). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(2)
  DATABASE_POOL_SIZE = 6;

  /** The first retry of a failed job waits this long, each next one twice as long (5 attempts). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(10)
  QUEUE_RETRY_DELAY_MS = 1_000;

  /** Rows one CSV enrollment import may hold (each may invite a new address). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  IMPORT_MAX_ROWS = 5_000;

  /** The programme's zone: the dashboard's months and date filters are its calendar days. */
  @IsTimeZone({ message: 'PROGRAMME_TIME_ZONE must be an IANA time zone such as Africa/Casablanca' })
  PROGRAMME_TIME_ZONE = DEFAULT_TIME_ZONE;

  /**
   * An S3-compatible object store (MinIO, AWS...) for materials and recordings, shared by every API
   * replica. Unset: files are kept under DATA_DIR/files on this machine.
   */
  @IsOptional()
  @IsServiceUrl(['http:', 'https:'])
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  @IsString()
  @MinLength(1)
  S3_REGION = 'us-east-1';

  /** Bucket in the path (`http://minio:9000/bucket/key`), as MinIO and most self-hosted stores want. */
  @Transform(toBoolean)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;

  /** The largest course material one upload may carry, in megabytes. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(10_000)
  MATERIAL_MAX_MB = 200;

  /** Days a recording is kept after it ends, unless its cohort says otherwise. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(3650)
  RECORDING_RETENTION_DAYS = 90;

  /**
   * Without S3: the folder LiveKit Egress writes recordings into, as Egress sees it. It must be the
   * store's folder (DATA_DIR/files), so unset means exactly that; set it when Egress runs in a
   * container that mounts that folder elsewhere.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  EGRESS_OUTPUT_DIR?: string;
  /**
   * Days the account and sign-in entries of the audit log (with the addresses they came from) are
   * kept. The entries that matter to a funder (enrollments, attendance corrections, certificates,
   * erasures...) follow FUNDER_AUDIT_RETENTION_DAYS.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  SECURITY_AUDIT_RETENTION_DAYS = 365;

  /** Days the other audit entries are kept: the evidence a ministry pays on. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  FUNDER_AUDIT_RETENTION_DAYS = 3_650;

  /** Days a processed LiveKit webhook stays in the inbox (attendance is kept apart from it). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  WEBHOOK_INBOX_RETENTION_DAYS = 30;

  /** When the daily retention job runs: a cron pattern in PROGRAMME_TIME_ZONE. */
  @IsString()
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'RETENTION_CRON must be a cron pattern of five fields' })
  RETENTION_CRON = '15 3 * * *';

  /** The headless Chromium that renders certificate PDFs (worker only). */
  @IsString()
  @MinLength(1)
  CHROMIUM_PATH = '/usr/bin/chromium';
}

export class InvalidConfigurationError extends Error {}

/** Validates the raw environment; the message names every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new InvalidConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const s3 = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    throw new InvalidConfigurationError(
      'Invalid configuration:\n  S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set all four, or none (files under DATA_DIR/files)',
    );
  }
  if (env.NODE_ENV === 'production') {
    const problems = [
      ...(env.JWT_SECRET ? [] : ['  JWT_SECRET: is required in production']),
      // livekit-server --dev's well-known pair: with it anyone could sign webhooks and fabricate attendance.
      ...(env.LIVEKIT_API_KEY === 'devkey' || env.LIVEKIT_API_SECRET === 'secret'
        ? [
            '  LIVEKIT_API_KEY, LIVEKIT_API_SECRET: the development pair devkey/secret is refused in production',
          ]
        : []),
    ];
    if (problems.length > 0)
      throw new InvalidConfigurationError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return env;
}
