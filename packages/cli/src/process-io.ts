import { createInterface } from 'node:readline';
import type { CliIo } from './cli-io.js';

let stdinLines: AsyncIterator<string> | null = null;

/** The next line of stdin (shared reader, so two prompts read two lines). */
async function nextStdinLine(): Promise<string> {
  stdinLines ??= createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const next = await stdinLines.next();
  return next.done ? '' : next.value;
}

/** Prompts on the terminal without echoing what is typed (raw mode); reads a line of stdin otherwise. */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return nextStdinLine();
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(value));
        if (ch === '\u0003') return done(() => reject(new Error('Interrupted')));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = (settle: () => void) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      settle();
    };
    input.on('data', onData);
  });
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTty: process.stderr.isTTY === true,
    env: process.env,
    readPassword: readHidden,
    readStdinLine: nextStdinLine,
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}
