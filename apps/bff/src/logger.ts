/** Log levels, most verbose first; `silent` turns logging off (tests). */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogDetails = Record<string, unknown>;

/** The BFF's one logger; each subsystem gets a child named after it (STYLE 26). */
export interface Logger {
  debug(message: string, details?: LogDetails): void;
  info(message: string, details?: LogDetails): void;
  warn(message: string, details?: LogDetails): void;
  error(message: string, details?: LogDetails): void;
  child(subsystem: string): Logger;
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * Info and debug lines wait up to `logFlushMs` (or until `logFlushBytes` wait) and go out in one
 * write. stdout is a pipe or a file, written synchronously on Linux: at hundreds of deliveries a
 * second, one write per line was a twentieth of the server's CPU, and one per turn of the event
 * loop still a thirtieth. Warnings and errors go out at once (after what waits); what waits at
 * exit is written then. A SIGKILL may lose the last `logFlushMs` of info lines, never a warning.
 */
export const logFlushMs = 50;
export const logFlushBytes = 32 * 1024;
const pendingLines: string[] = [];
let pendingBytes = 0;
let flushTimer: NodeJS.Timeout | null = null;

function flushPendingLines(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  if (pendingLines.length === 0) return;
  process.stdout.write(pendingLines.join(''));
  pendingLines.length = 0;
  pendingBytes = 0;
}

function writeLater(line: string): void {
  pendingLines.push(line);
  pendingBytes += line.length;
  if (pendingBytes >= logFlushBytes) return flushPendingLines();
  if (flushTimer) return;
  flushTimer = setTimeout(flushPendingLines, logFlushMs);
  flushTimer.unref();
}

let flushAtExit = false;

/** Writes `[bff:subsystem] message {details}` lines to stderr (info and debug to stdout). */
export function createLogger(level: LogLevel, subsystem = 'bff'): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  if (!flushAtExit && level !== 'silent') {
    flushAtExit = true;
    process.on('exit', flushPendingLines);
  }
  const write = (at: Exclude<LogLevel, 'silent'>, message: string, details?: LogDetails) => {
    if (LOG_LEVELS.indexOf(at) < threshold) return;
    const head = `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} [${subsystem}] ${message}`;
    const line = details === undefined ? head : `${head} ${JSON.stringify(details, errorReplacer)}`;
    if (at === 'debug' || at === 'info') return writeLater(`${line}\n`);
    flushPendingLines();
    console.error(line);
  };
  return {
    debug: (message, details) => write('debug', message, details),
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
    child: (name) => createLogger(level, `${subsystem}:${name}`),
  };
}

/** Errors are not JSON-serialisable as such; keep what helps an operator (the log is private). */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
