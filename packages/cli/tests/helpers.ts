import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { CliIo } from '../src/cli-io.js';
import { runCli } from '../src/run-cli.js';

/** A CLI io that records output; stdin lines and Ctrl-C are scripted by the test. */
export function recordingIo(stdinLines: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const interruptHandlers = new Set<() => void>();
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    errIsTty: false,
    env: {},
    readPassword: async () => stdinLines.shift() ?? '',
    readStdinLine: async () => stdinLines.shift() ?? '',
    onInterrupt(handler) {
      interruptHandlers.add(handler);
      return () => interruptHandlers.delete(handler);
    },
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    interrupt: () => interruptHandlers.forEach((h) => h()),
  };
}

/** Fresh temp folders per test (a data folder and a scratch folder), removed afterwards. */
export function useTempDirs() {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'colibri-cli-'));
    dirs.push(dir);
    return { data: path.join(dir, 'data'), scratch: dir };
  };
}

/** Runs `colibri --data <data> …args` in-process; returns exit code and output. */
export async function colibri(data: string, args: string[], stdinLines: string[] = []) {
  const rec = recordingIo(stdinLines);
  const code = await runCli(['--data', data, ...args], rec.io);
  return { code, stdout: rec.stdout(), stderr: rec.stderr() };
}

/** A domain and a user alice@example.org (password from "stdin"). */
export async function withUser(data: string): Promise<void> {
  await colibri(data, ['domain', 'add', 'example.org']);
  await colibri(data, ['user', 'add', 'alice@example.org', '--password-stdin'], ['correct horse battery']);
}

/** A small RFC 5322 message with LF line ends, as mbox files usually hold them. */
export function message(n: number, body = `Hello number ${n}.\n`): string {
  return [
    `From: Bob <bob@example.org>`,
    `To: alice@example.org`,
    `Subject: Message ${n}`,
    `Message-ID: <m${n}@example.org>`,
    `Date: Tue, 03 Nov 2026 10:00:00 +0000`,
    '',
    body,
  ].join('\n');
}
