import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '@/core/database/embedded-postgres';
import { checkTimeZoneRules, enforceTimeZoneRules } from '@/core/time/time-zone-rules';
import { Environment, validateEnvironment } from './environment';

export interface PreparedEnvironment {
  env: Environment;
  /** Stops what preparing started (the embedded database). */
  release: () => Promise<void>;
  /** True when the first admin's password was made here (no ADMIN_PASSWORD): only then may it be shown. */
  adminPasswordGenerated: boolean;
}

/**
 * Validates the environment and the runtime's time-zone rules, then fills in what development may leave out: an embedded PostgreSQL
 * when DATABASE_URL is unset, and a JWT secret and demo admin password kept under DATA_DIR.
 * The results are written back to process.env so that Nest's ConfigModule sees them.
 */
export async function prepareEnvironment(): Promise<PreparedEnvironment> {
  const envFile = resolve('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const env = validateEnvironment(process.env);
  enforceTimeZoneRules(checkTimeZoneRules(), env.NODE_ENV, (message) => console.warn(message));
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });

  let release: () => Promise<void> = async () => undefined;
  if (!env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({ dataDir });
    env.DATABASE_URL = embedded.url;
    release = embedded.stop;
  }
  env.JWT_SECRET ??= keptSecret(join(dataDir, 'jwt-secret'), () => randomBytes(48).toString('base64url'));
  const adminPasswordGenerated = !env.ADMIN_PASSWORD;
  env.ADMIN_PASSWORD ??= keptSecret(
    join(dataDir, 'admin-password'),
    () => `demo-${randomBytes(6).toString('hex')}`,
  );

  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) process.env[key] = String(value);
  }
  return { env, release, adminPasswordGenerated };
}

function keptSecret(file: string, generate: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = generate();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}
