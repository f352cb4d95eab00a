/** The package's logger port; the BFF passes its own, the default writes to the console. */
export interface Logger {
  error(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

/** A console logger whose lines name the subsystem, e.g. `[jmap-server:request]`. */
export function consoleLogger(subsystem: string): Logger {
  const prefix = `[jmap-server:${subsystem}]`;
  return {
    error: (message, details) => console.error(prefix, message, details ?? ''),
    warn: (message, details) => console.warn(prefix, message, details ?? ''),
  };
}
