// What the calendar and contacts vector scripts share: each call to the library is timed (over
// HANG_RISK_MS is a 'time' problem, which no deviation can explain), and a case that throws is
// a 'crash' problem rather than the end of the run.
import { readdirSync, existsSync } from 'node:fs';

export const HANG_RISK_MS = 2_000;

export function timed(problems, label, fn) {
  const started = performance.now();
  const value = fn();
  const ms = Math.round(performance.now() - started);
  if (ms > HANG_RISK_MS)
    problems.push({ check: 'time', message: `${label} took ${ms} ms (budget ${HANG_RISK_MS} ms)` });
  return value;
}

export function run(name, fn) {
  try {
    return { name, problems: fn() };
  } catch (error) {
    return { name, problems: [{ check: 'crash', message: `threw: ${error?.message ?? error}` }] };
  }
}

/** The names in `dir` matching `re`, sorted; none when the folder is missing. */
export const sortedFiles = (dir, re) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => re.test(f))
        .sort()
    : [];
