import type { CliIo } from './cli-io.js';
import { formatSize } from './sizes.js';

/** A terminal bar is redrawn at most this often; a log (not a TTY) gets a line this often. */
const ttyRedrawMs = 100;
const logLineMs = 5000;
const barWidth = 24;

export interface ProgressCounts {
  imported: number;
  skipped: number;
  failed: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * The import progress on stderr: done/total, messages per second and the estimated time left
 * (from the source's unit: bytes of an mbox, files of a folder), as a redrawn bar on a terminal
 * and as a plain line every few seconds otherwise.
 */
export function createProgress(io: CliIo, total: number, unit: 'bytes' | 'messages') {
  const started = performance.now();
  let last = 0;
  const render = (done: number, counts: ProgressCounts, final: boolean) => {
    const now = performance.now();
    if (!final && now - last < (io.errIsTty ? ttyRedrawMs : logLineMs)) return;
    last = now;
    const seconds = (now - started) / 1000;
    const messages = counts.imported + counts.skipped + counts.failed;
    const rate = seconds > 0 ? messages / seconds : 0;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : Number.POSITIVE_INFINITY;
    const filled = Math.round(fraction * barWidth);
    const amount = unit === 'bytes' ? `${formatSize(done)}/${formatSize(total)}` : `${done}/${total}`;
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${amount}  ${messages} msgs  ${rate.toFixed(0)} msg/s  ETA ${duration(eta)}`;
    io.err(io.errIsTty ? `\r${line}\x1b[K${final ? '\n' : ''}` : `${line}\n`);
  };
  return {
    update: (done: number, counts: ProgressCounts) => render(done, counts, false),
    finish: (done: number, counts: ProgressCounts) => render(done, counts, true),
    elapsedSeconds: () => (performance.now() - started) / 1000,
  };
}
