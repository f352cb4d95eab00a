import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLogLevel } from '../logger.js';
import type { LogLevel } from '../logger.js';
import { parseBlobs, type BlobsConfig } from './blob-config.js';
import { parseLiveKit, type LiveKitConfig } from '../meet/livekit-config.js';
import type { FreeBusyPolicy } from '@colibri/jmap-server';

export type { BlobsConfig } from './blob-config.js';

/** Colibri's configuration, read once from the environment by `loadConfig`. */
export interface ColibriConfig {
  http: {
    host: string;
    /** 0 picks a free port (tests). */
    port: number;
    /**
     * Express "trust proxy": false (default) trusts no proxy, so `X-Forwarded-*` is ignored;
     * true, a hop count or a list of addresses/subnets when Colibri runs behind a reverse proxy.
     */
    trustProxy: boolean | number | string;
    /** The public origin for the JMAP Session URLs; null derives it from each request. */
    publicUrl: string | null;
    /**
     * Other origins whose web clients may call JMAP (`COLIBRI_CORS_ORIGINS`), with an
     * Authorization header (never cookies); `*` is any origin. Empty (default): same origin only.
     */
    corsOrigins: string[] | '*';
  };
  smtp: {
    /** Address of both the SMTP and the LMTP listener. */
    host: string;
    port: number;
    /** LMTP (RFC 2033) port; 0 picks a free one, null (`off`) runs no LMTP listener. */
    lmtpPort: number | null;
    /** The name this server gives itself in its greeting and in Received headers. */
    serverName: string;
  };
  /** Absolute path of the data folder (SQLite file, and blobs unless they are on S3). */
  dataDir: string;
  /** Where blobs live: the data folder (default) or an S3-compatible bucket. */
  blobs: BlobsConfig;
  demo: {
    enabled: boolean;
    /** The demo users' password; null generates one at first seeding. */
    password: string | null;
  };
  /** Absolute path of the built web app (apps/web/dist). */
  webDist: string;
  logLevel: LogLevel;
  /** Outgoing mail: where remote recipients' mail goes (`COLIBRI_SMTP_RELAY`). */
  outbound: { relay: OutboundRelay };
  /** How long an upload nothing references is kept (RFC 8620 §6.1); unset: the store's 24 h. */
  uploadTtlMs?: number;
  /** Video meetings: the LiveKit server (LIVEKIT_URL, _API_KEY, _API_SECRET); null: meetings off. */
  meet: { livekit: LiveKitConfig | null };
  /**
   * Who sees a colleague's free/busy (`COLIBRI_FREEBUSY`): `organisation` (default), everyone
   * of the same domain; `shared`, only those a calendar is shared with.
   */
  freeBusy: FreeBusyPolicy;
}

/**
 * `none` (default, safe on a laptop): nothing leaves the machine; remote deliveries fail
 * temporarily ("no relay configured") and bounce after the retry period. `mx`: straight to each
 * recipient domain's MX (RFC 5321 §5.1), port 25. `relay`: a smarthost, `smtp://user:pass@host:587`
 * (STARTTLS when offered) or `smtps://…:465` (implicit TLS).
 */
export type OutboundRelay =
  | { kind: 'none' }
  | { kind: 'mx' }
  | { kind: 'relay'; host: string; port: number; secure: boolean; user: string | null; pass: string | null };

/** Bounds of COLIBRI_UPLOAD_TTL_HOURS: at least an hour (a client needs time to use it), at most 30 days. */
const uploadTtlHoursRange = { min: 1, max: 720 } as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** The bff package folder, from this module's location in src/ (tsx) or dist/src/ (node). */
export function bffPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('apps/bff/package.json not found above the running module.');
    dir = parent;
  }
  return dir;
}

/**
 * Reads the COLIBRI_* environment variables, applies the defaults and validates everything at
 * once, so that a misconfigured start lists every problem before anything opens.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ColibriConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const port = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > 65535) {
      const orOff = name === 'COLIBRI_LMTP_PORT' ? ' (or off)' : '';
      problems.push(`${name} must be a port number from 0 to 65535${orOff}, not "${raw}".`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be 1 or 0, not "${raw}".`);
    return fallback;
  };

  const host = read('COLIBRI_HTTP_HOST') ?? 'localhost';
  const logLevel = read('COLIBRI_LOG_LEVEL') ?? 'info';
  if (!isLogLevel(logLevel))
    problems.push(`COLIBRI_LOG_LEVEL must be debug, info, warn, error or silent, not "${logLevel}".`);
  const freeBusy = read('COLIBRI_FREEBUSY')?.toLowerCase() ?? 'organisation';
  if (freeBusy !== 'organisation' && freeBusy !== 'shared')
    problems.push(`COLIBRI_FREEBUSY must be organisation or shared, not "${freeBusy}".`);
  const demoPassword = env.COLIBRI_DEMO_PASSWORD ?? null;
  if (demoPassword !== null && demoPassword.length < 8)
    problems.push('COLIBRI_DEMO_PASSWORD must have at least 8 characters.');

  const config: ColibriConfig = {
    http: {
      host,
      port: port('COLIBRI_HTTP_PORT', 8080),
      trustProxy: parseTrustProxy(read('COLIBRI_TRUST_PROXY')),
      publicUrl: parsePublicUrl(read('COLIBRI_PUBLIC_URL'), problems),
      corsOrigins: parseCorsOrigins(read('COLIBRI_CORS_ORIGINS'), problems),
    },
    smtp: {
      host: read('COLIBRI_SMTP_HOST') ?? host,
      port: port('COLIBRI_SMTP_PORT', 2525),
      lmtpPort: read('COLIBRI_LMTP_PORT')?.toLowerCase() === 'off' ? null : port('COLIBRI_LMTP_PORT', 2424),
      serverName: read('COLIBRI_SMTP_NAME') ?? 'colibri.localhost',
    },
    dataDir: path.resolve(cwd, read('COLIBRI_DATA') ?? './data'),
    blobs: parseBlobs(read, flag, problems),
    demo: { enabled: flag('COLIBRI_DEMO', true), password: demoPassword },
    webDist: path.resolve(cwd, read('COLIBRI_WEB_DIST') ?? path.join(bffPackageRoot(), '../web/dist')),
    logLevel: isLogLevel(logLevel) ? logLevel : 'info',
    outbound: { relay: parseRelay(read('COLIBRI_SMTP_RELAY'), problems) },
    meet: { livekit: parseLiveKit(read, problems) },
    freeBusy: freeBusy === 'shared' ? 'shared' : 'organisation',
  };
  const uploadTtlHours = read('COLIBRI_UPLOAD_TTL_HOURS');
  if (uploadTtlHours !== undefined) {
    const hours = Number(uploadTtlHours);
    if (!Number.isInteger(hours) || hours < uploadTtlHoursRange.min || hours > uploadTtlHoursRange.max)
      problems.push(
        `COLIBRI_UPLOAD_TTL_HOURS must be a whole number of hours from ${uploadTtlHoursRange.min} to ${uploadTtlHoursRange.max}, not "${uploadTtlHours}".`,
      );
    else config.uploadTtlMs = hours * 60 * 60 * 1000;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Express's trust proxy forms: "true"/"false", a hop count, or addresses and subnets. */
function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/** The origin of an http(s) URL, or null. */
function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function parsePublicUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined) return null;
  const origin = originOf(raw);
  if (origin === null)
    problems.push(
      `COLIBRI_PUBLIC_URL must be an http(s) origin such as https://mail.example.org, not "${raw}".`,
    );
  return origin;
}

/** A comma-separated list of http(s) origins, or `*`. */
function parseCorsOrigins(raw: string | undefined, problems: string[]): string[] | '*' {
  if (raw === undefined || raw.trim() === '') return [];
  if (raw.trim() === '*') return '*';
  const origins: string[] = [];
  for (const item of raw.split(',').map((part) => part.trim())) {
    const origin = originOf(item);
    // An origin is scheme://host[:port] and nothing more: a path would never match one.
    if (origin === null || origin !== item.replace(/\/$/, ''))
      problems.push(
        `COLIBRI_CORS_ORIGINS must be * or a comma-separated list of origins such as https://app.example.org, not "${item}".`,
      );
    else origins.push(origin);
  }
  return origins;
}

export function parseRelay(raw: string | undefined, problems: string[]): OutboundRelay {
  if (raw === undefined || raw.toLowerCase() === 'none') return { kind: 'none' };
  if (raw.toLowerCase() === 'mx') return { kind: 'mx' };
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) throw new Error('bad');
    const secure = url.protocol === 'smtps:';
    return {
      kind: 'relay',
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      user: url.username ? decodeURIComponent(url.username) : null,
      pass: url.password ? decodeURIComponent(url.password) : null,
    };
  } catch {
    problems.push(
      `COLIBRI_SMTP_RELAY must be none, mx, or smtp(s)://[user:pass@]host[:port], not "${raw.replace(/\/\/[^@/]*@/, '//***@')}".`,
    );
    return { kind: 'none' };
  }
}
