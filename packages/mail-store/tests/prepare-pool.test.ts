import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const check = fileURLToPath(new URL('../dist/tests/prepare-pool-check.js', import.meta.url));

describe('the prepare pool (batch import parsing in worker threads)', () => {
  it('prepares every MIME fixture in a thread exactly as on the calling thread', async () => {
    expect(existsSync(check), `${check} is missing: build first (pnpm build, as pnpm test does)`).toBe(true);
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [check], { timeout: 60_000 }, (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    );
    const result = JSON.parse(stdout.trim()) as { threads: number; messages: number; differing: number };
    expect(result.threads).toBe(1);
    expect(result.messages).toBeGreaterThan(50);
    expect(result.differing).toBe(0);
  });
});
