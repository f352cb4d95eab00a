/** The environment through which global setup hands the running server to the workers. */
export const envNames = {
  baseURL: 'COLIBRI_E2E_BASE_URL',
  smtpPort: 'COLIBRI_E2E_SMTP_PORT',
  demoPassword: 'COLIBRI_E2E_DEMO_PASSWORD',
  dataDir: 'COLIBRI_E2E_DATA',
} as const;

/** What a test knows about the server under test. */
export interface ColibriServer {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  baseURL: string;
  smtpPort: number;
  /** The one password of the demo users (COLIBRI_DEMO_PASSWORD). */
  demoPassword: string;
  /** The demo users' login addresses. */
  users: { alice: string; bob: string; carol: string };
}

export const demoUsers = {
  alice: 'alice@colibri.test',
  bob: 'bob@colibri.test',
  carol: 'carol@colibri.test',
} as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the suites with \`playwright test\` from e2e/ so that global setup starts Colibri.`,
    );
  return value;
}

/** Reads the server that global setup started (or that the environment points at). */
export function colibriServerFromEnv(): ColibriServer {
  return {
    baseURL: required(envNames.baseURL).replace(/\/$/, ''),
    smtpPort: Number(required(envNames.smtpPort)),
    demoPassword: required(envNames.demoPassword),
    users: { ...demoUsers },
  };
}
