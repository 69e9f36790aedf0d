import { z } from 'zod';
import { deliveryConfigFrom, deliveryEnvSchema, type DeliveryConfig } from './delivery/delivery-config.ts';

/**
 * Configuration comes from environment variables, parsed and validated once at start.
 * Every variable has an embedded default so a fresh machine runs with none set.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Where staff reach the admin app and API; unset = http://localhost:${PORT}, so links follow the port. */
  PUBLIC_URL: z.url().optional(),
  /** Member sites live at {subdomain}.{MEMBER_ROOT_DOMAIN}; defaults to PUBLIC_URL's host (localhost). */
  MEMBER_ROOT_DOMAIN: z.string().optional(),
  /** PostgreSQL connection string; when unset the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  /** Bootstrap owner key accepted for every site (operators, CI, first setup). */
  MEMBERLINK_API_KEY: z.string().min(24, 'MEMBERLINK_API_KEY must be at least 24 characters').optional(),
  /** base64url of 32 bytes; seals signing keys at rest. Default: generated into DATA_DIR/master.key. */
  MEMBERLINK_MASTER_KEY: z.string().optional(),
  /** Set when behind a reverse proxy, so client IPs (rate limits) come from X-Forwarded-For. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Link redemptions per client IP per minute on a member site. */
  RATE_LIMIT_REDEEM_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Login-link emails ("email me a link", "send me a new link") per address and per IP per hour. */
  RATE_LIMIT_LINK_EMAILS_PER_HOUR: z.coerce.number().int().min(1).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `human` (one short line per request) or `json`; unset = human in a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['json', 'human']).optional(),
  /** Seed the demo site on first start of an empty database. */
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Validate every admin API response against its route's schema (tests turn this on). */
  CHECK_RESPONSE_SCHEMAS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).extend(deliveryEnvSchema.shape);

export interface MemberlinkConfig {
  port: number;
  host: string;
  publicUrl: URL;
  memberRootDomain: string;
  databaseUrl?: string;
  dataDir: string;
  bootstrapApiKey?: string;
  masterKey?: string;
  logLevel: string;
  /** Unset: decided by whether stdout is a terminal (server/logging/log-format.ts). */
  logFormat?: 'json' | 'human';
  trustProxy: boolean;
  rateLimits: { redeemPerMinute: number; linkEmailsPerHour: number };
  seedDemo: boolean;
  /** Tests: a handler whose result fails its `response` schema answers 500 naming the route. */
  checkResponseSchemas: boolean;
  /** SMTP, SMS provider, sending concurrency and rates (server/delivery/delivery-config.ts). */
  delivery: DeliveryConfig;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): MemberlinkConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = new URL(c.PUBLIC_URL ?? `http://localhost:${c.PORT}`);
  return {
    port: c.PORT,
    host: c.HOST,
    publicUrl,
    memberRootDomain: (c.MEMBER_ROOT_DOMAIN ?? publicUrl.hostname).toLowerCase(),
    databaseUrl: c.DATABASE_URL || undefined,
    dataDir: c.DATA_DIR,
    bootstrapApiKey: c.MEMBERLINK_API_KEY,
    masterKey: c.MEMBERLINK_MASTER_KEY || undefined,
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT,
    trustProxy: c.TRUST_PROXY,
    rateLimits: { redeemPerMinute: c.RATE_LIMIT_REDEEM_PER_MINUTE, linkEmailsPerHour: c.RATE_LIMIT_LINK_EMAILS_PER_HOUR },
    seedDemo: c.SEED_DEMO,
    checkResponseSchemas: c.CHECK_RESPONSE_SCHEMAS,
    delivery: deliveryConfigFrom(c),
  };
}
