import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, bffPackageRoot, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, '/srv/colibri');
    expect(config).toEqual({
      http: { host: 'localhost', port: 8080, trustProxy: false, publicUrl: null, corsOrigins: [] },
      smtp: { host: 'localhost', port: 2525, lmtpPort: 2424, serverName: 'colibri.localhost' },
      dataDir: '/srv/colibri/data',
      blobs: { kind: 'fs' },
      demo: { enabled: true, password: null },
      webDist: path.resolve(bffPackageRoot(), '../web/dist'),
      logLevel: 'info',
      outbound: { relay: { kind: 'none' } },
      meet: { livekit: null },
      freeBusy: 'organisation',
    });
    // The web app is found from the bff package, wherever the process runs.
    expect(config.webDist.endsWith(path.join('apps', 'web', 'dist'))).toBe(true);
  });

  it('reads every COLIBRI_* variable', () => {
    const config = loadConfig(
      {
        COLIBRI_HTTP_HOST: '0.0.0.0',
        COLIBRI_HTTP_PORT: '9000',
        COLIBRI_SMTP_PORT: '25',
        COLIBRI_SMTP_HOST: '127.0.0.1',
        COLIBRI_LMTP_PORT: '24',
        COLIBRI_DATA: 'var/mail',
        COLIBRI_DEMO: '0',
        COLIBRI_DEMO_PASSWORD: 'correct horse',
        COLIBRI_WEB_DIST: '/opt/web',
        COLIBRI_LOG_LEVEL: 'debug',
        COLIBRI_TRUST_PROXY: 'loopback',
        COLIBRI_PUBLIC_URL: 'https://mail.example.org/',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      http: { host: '0.0.0.0', port: 9000, trustProxy: 'loopback', publicUrl: 'https://mail.example.org' },
      smtp: { host: '127.0.0.1', port: 25, lmtpPort: 24 },
      dataDir: '/srv/var/mail',
      demo: { enabled: false, password: 'correct horse' },
      webDist: '/opt/web',
      logLevel: 'debug',
    });
    expect(loadConfig({ COLIBRI_TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ COLIBRI_TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
  });

  it('reads COLIBRI_SMTP_RELAY: none (default), mx, or an smtp(s) URL, and refuses anything else', () => {
    expect(loadConfig({ COLIBRI_SMTP_RELAY: 'NONE' }).outbound.relay).toEqual({ kind: 'none' });
    expect(loadConfig({ COLIBRI_SMTP_RELAY: 'mx' }).outbound.relay).toEqual({ kind: 'mx' });
    expect(
      loadConfig({ COLIBRI_SMTP_RELAY: 'smtp://me%40x.org:p%3Ass@relay.example.org' }).outbound.relay,
    ).toEqual({
      kind: 'relay',
      host: 'relay.example.org',
      port: 587,
      secure: false,
      user: 'me@x.org',
      pass: 'p:ss',
    });
    expect(loadConfig({ COLIBRI_SMTP_RELAY: 'smtps://relay.example.org' }).outbound.relay).toMatchObject({
      port: 465,
      secure: true,
      user: null,
    });
    const bad = () => loadConfig({ COLIBRI_SMTP_RELAY: 'http://user:secret@relay.example.org' });
    expect(bad).toThrow(ConfigError);
    // The password is not echoed in the error.
    expect(bad).toThrow(/COLIBRI_SMTP_RELAY must be none, mx, or smtp\(s\):\/\/.*"http:\/\/\*\*\*@relay/);
    expect(bad).not.toThrow(/secret/);
  });

  it('reads COLIBRI_CORS_ORIGINS: origins or *, and refuses what is not an origin', () => {
    expect(
      loadConfig({ COLIBRI_CORS_ORIGINS: 'https://app.example.org, http://localhost:5173/' }).http
        .corsOrigins,
    ).toEqual(['https://app.example.org', 'http://localhost:5173']);
    expect(loadConfig({ COLIBRI_CORS_ORIGINS: ' * ' }).http.corsOrigins).toBe('*');
    expect(() => loadConfig({ COLIBRI_CORS_ORIGINS: 'https://app.example.org/jmap' })).toThrow(
      /COLIBRI_CORS_ORIGINS .*"https:\/\/app.example.org\/jmap"/,
    );
    expect(() => loadConfig({ COLIBRI_CORS_ORIGINS: 'app.example.org' })).toThrow(ConfigError);
  });

  it('turns LMTP off with "off" and refuses anything else that is not a port', () => {
    expect(loadConfig({ COLIBRI_LMTP_PORT: 'OFF' }).smtp.lmtpPort).toBeNull();
    expect(loadConfig({ COLIBRI_LMTP_PORT: '0' }).smtp.lmtpPort).toBe(0);
    expect(() => loadConfig({ COLIBRI_LMTP_PORT: 'no' })).toThrow(/COLIBRI_LMTP_PORT .*\(or off\)/);
  });

  it('shows free/busy to the whole organisation unless COLIBRI_FREEBUSY is shared', () => {
    expect(loadConfig({}).freeBusy).toBe('organisation');
    expect(loadConfig({ COLIBRI_FREEBUSY: 'Shared' }).freeBusy).toBe('shared');
    expect(() => loadConfig({ COLIBRI_FREEBUSY: 'public' })).toThrow(/COLIBRI_FREEBUSY must be/);
  });

  it('reads the upload expiry in hours and refuses one out of range', () => {
    expect(loadConfig({ COLIBRI_UPLOAD_TTL_HOURS: '2' }).uploadTtlMs).toBe(2 * 60 * 60 * 1000);
    expect(loadConfig({}).uploadTtlMs).toBeUndefined();
    expect(() => loadConfig({ COLIBRI_UPLOAD_TTL_HOURS: '0' })).toThrow(/COLIBRI_UPLOAD_TTL_HOURS/);
    expect(() => loadConfig({ COLIBRI_UPLOAD_TTL_HOURS: '1.5' })).toThrow(/COLIBRI_UPLOAD_TTL_HOURS/);
  });

  it('keeps blobs in the data folder unless COLIBRI_BLOBS is s3, then reads COLIBRI_S3_*', () => {
    expect(loadConfig({ COLIBRI_BLOBS: 'FS' }).blobs).toEqual({ kind: 'fs' });
    expect(
      loadConfig({
        COLIBRI_BLOBS: 's3',
        COLIBRI_S3_BUCKET: 'mail-blobs',
        COLIBRI_S3_ENDPOINT: 'http://127.0.0.1:9000',
        COLIBRI_S3_REGION: 'eu-west-3',
        COLIBRI_S3_ACCESS_KEY_ID: 'AKID',
        COLIBRI_S3_SECRET_ACCESS_KEY: 'secret',
        COLIBRI_S3_FORCE_PATH_STYLE: '1',
        COLIBRI_S3_PREFIX: 'colibri',
      }).blobs,
    ).toEqual({
      kind: 's3',
      bucket: 'mail-blobs',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-3',
      forcePathStyle: true,
      prefix: 'colibri/',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    });
    // AWS S3 itself, credentials from the AWS SDK's chain.
    expect(loadConfig({ COLIBRI_BLOBS: 's3', COLIBRI_S3_BUCKET: 'b' }).blobs).toEqual({
      kind: 's3',
      bucket: 'b',
      endpoint: null,
      region: 'us-east-1',
      forcePathStyle: false,
      prefix: '',
      credentials: null,
    });
  });

  it('refuses an incomplete S3 configuration, without echoing the secret', () => {
    const bad = () =>
      loadConfig({
        COLIBRI_BLOBS: 's3',
        COLIBRI_S3_ENDPOINT: 'minio:9000',
        COLIBRI_S3_SECRET_ACCESS_KEY: 'hunter2-secret',
        COLIBRI_S3_FORCE_PATH_STYLE: 'maybe',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const { problems, message } = error as ConfigError;
      expect(problems).toHaveLength(4);
      expect(message).toContain('COLIBRI_S3_BUCKET is required');
      expect(message).toContain('COLIBRI_S3_ENDPOINT must be an http(s) URL');
      expect(message).toContain('COLIBRI_S3_ACCESS_KEY_ID and COLIBRI_S3_SECRET_ACCESS_KEY go together');
      expect(message).toContain('COLIBRI_S3_FORCE_PATH_STYLE');
      expect(message).not.toContain('hunter2');
    }
    expect(() => loadConfig({ COLIBRI_BLOBS: 'gcs' })).toThrow(/COLIBRI_BLOBS must be fs or s3/);
  });

  it('lists every problem at once', () => {
    const attempt = () =>
      loadConfig({
        COLIBRI_HTTP_PORT: '80a',
        COLIBRI_SMTP_PORT: '70000',
        COLIBRI_DEMO: 'maybe',
        COLIBRI_LOG_LEVEL: 'loud',
        COLIBRI_DEMO_PASSWORD: 'short',
        COLIBRI_PUBLIC_URL: 'ftp://x',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(6);
      expect((error as ConfigError).message).toContain('COLIBRI_HTTP_PORT');
    }
  });

  it('reads the LiveKit server from LIVEKIT_*, all three or none', () => {
    const secret = 's'.repeat(32);
    expect(
      loadConfig({
        LIVEKIT_URL: 'wss://meet.example.org',
        LIVEKIT_API_KEY: 'APIkey',
        LIVEKIT_API_SECRET: secret,
      }).meet.livekit,
    ).toEqual({ url: 'wss://meet.example.org', apiKey: 'APIkey', apiSecret: secret });
    expect(() => loadConfig({ LIVEKIT_URL: 'wss://meet.example.org' })).toThrow(/must be set together/);
    expect(() =>
      loadConfig({ LIVEKIT_URL: 'ftp://x', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: secret }),
    ).toThrow(/LIVEKIT_URL must be/);
    expect(() =>
      loadConfig({ LIVEKIT_URL: 'ws://localhost:7880', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 'short' }),
    ).toThrow(/at least 32 characters/);
  });
});
