import type { DemoContext } from './demo-message.js';
import { person } from './people.js';
import type { PersonKey } from './people.js';
import { createRng } from './prng.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The demo's seed: change it and every message, date and flag changes with it. */
export const DEMO_SEED = 0xc011b21;

export function createDemoContext(now: Date, seed = DEMO_SEED): DemoContext {
  const rng = createRng(seed);
  return {
    rng,
    now,
    at(daysAgo, hour) {
      const day = new Date(now.getTime() - daysAgo * DAY_MS);
      day.setUTCHours(hour ?? rng.int(7, 17), rng.int(0, 59), rng.int(0, 59), 0);
      // Today's "working hours" may still be ahead: then it happened a little while ago.
      const latest = now.getTime() - 5 * 60 * 1000;
      return day.getTime() > latest ? new Date(latest - rng.int(0, 180) * 60 * 1000) : day;
    },
    messageId(key, from: PersonKey) {
      const domain = person(from).email.split('@')[1] ?? 'colibri.test';
      return `${key}.${rng.hex(4)}@${domain}`;
    },
  };
}
