/** Settings, parsed once at start-up so a bad value is one clear message. */
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Where the built SPA lives (vite build output). */
  STATIC_DIR: z.string().default('dist'),
  /** The embedded database's folder (PGlite), used unless DATABASE_URL is set. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** A PostgreSQL server instead of the embedded database: postgres://user:password@host:port/database. */
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(?:ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
      .optional(),
  ),
  /**
   * What an empty database is filled with at start: the Horsens Alliancen roster (default), or
   * nothing (`none`: for a demo from scratch and the empty-database accessibility checks).
   */
  ROSTER_SEED: z.enum(['horsens-alliancen', 'none']).default('horsens-alliancen'),
  /** The dashboard's renewal reminder shows this many days before the current term ends. */
  RENEWAL_REMINDER_DAYS: z.coerce.number().int().min(0).max(3650).default(180),
  /** People without a membership in this many years are listed for review (GDPR retention). */
  RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  /**
   * The first admin, created at start when the database has no user yet (both must be set;
   * ignored once a user exists). Without them the server prints a one-time setup link.
   */
  ROSTER_ADMIN_EMAIL: z.preprocess((v) => (v === '' ? undefined : v), z.email().optional()),
  ROSTER_ADMIN_PASSWORD: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
});
export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  return result.data;
}
