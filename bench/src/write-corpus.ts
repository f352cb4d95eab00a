// `pnpm --filter @colibri/bench corpus --messages 5000 --out corpus.mbox`: writes the bench corpus
// (the same seeded generator as the runs) to an mboxrd file, for tools that time one stage of the
// import path on it, e.g. packages/mail-store/scripts/time-mime-walker.ts.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';
import { writeMbox } from './mbox-file.js';
import { seededRandom } from './prng.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'corpus.mbox' },
  },
});
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
const written = await writeMbox(
  file,
  generateCorpus(seededRandom(Number(values.seed)), Number(values.messages), 'bench@colibri.test', 'corpus'),
);
console.log(`${written.messages} messages, ${(written.bytes / 1048576).toFixed(1)} MiB: ${file}`);
