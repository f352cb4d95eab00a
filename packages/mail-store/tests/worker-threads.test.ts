import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const check = fileURLToPath(new URL('../dist/tests/worker-threads-check.js', import.meta.url));

describe("the store's worker threads", () => {
  it('never end the process while the store waits for them, and let it exit once closed', async () => {
    expect(existsSync(check), `${check} is missing: build first (pnpm build, as pnpm test does)`).toBe(true);
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, [check], { timeout: 60_000 }, (error, out) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out }),
      ),
    );
    expect({ code, stdout: stdout.trim() }).toEqual({
      code: 0,
      stdout: JSON.stringify({ closed: true, emails: 340 }),
    });
  });
});
