import type { DemoContext, DemoMessage } from '../demo-message.js';
import { buildThread } from '../thread-builder.js';

const TOPICS = [
  'release planning and the changelog',
  'the Northwind renewal',
  'hiring for the frontend role',
  'the storage migration',
  'support tickets from last week',
  'the accessibility fixes',
  'the offsite agenda',
  'backups and the second storage target',
  'search performance',
  'the French translation',
  'the security review follow-ups',
];

const ACTIONS = [
  'Alice to update the roadmap page',
  'Bob to write the incident summary',
  'Carol to send the invoices',
  'Alice to review the onboarding mockups',
  'Bob to test the restore procedure',
  'Carol to book the venue',
  'Alice and Bob to pair on the search index',
];

/** Carol's weekly meeting notes to alice and bob; now and then alice answers. */
export function weeklySyncNotes(ctx: DemoContext): DemoMessage[] {
  const messages: DemoMessage[] = [];
  for (let week = 12; week >= 0; week--) {
    const topics = [ctx.rng.pick(TOPICS), ctx.rng.pick(TOPICS), ctx.rng.pick(TOPICS)].filter(
      (t, i, all) => all.indexOf(t) === i,
    );
    const actions = [ctx.rng.pick(ACTIONS), ctx.rng.pick(ACTIONS)].filter(
      (a, i, all) => all.indexOf(a) === i,
    );
    const notes = [
      `Hi both,\n\nnotes from today's sync.\n\nWe talked about:`,
      ...topics.map((t) => `- ${t}`),
      '',
      'Actions:',
      ...actions.map((a) => `- ${a}`),
      '',
      'Next sync same time next week.\n\nCarol',
    ].join('\n');
    const script = {
      key: `weekly-sync-w${week}`,
      subject: `Weekly sync notes (week ${13 - week})`,
      daysAgo: week * 7 + 1,
      ...(week > 4 ? { folder: 'archive' as const } : {}),
      messages: [
        { from: 'carol' as const, to: ['alice' as const, 'bob' as const], text: notes },
        ...(week % 4 === 1
          ? [
              {
                from: 'alice' as const,
                text: `Thanks Carol. One addition: ${ctx.rng.pick(ACTIONS).toLowerCase()} is blocked until Thursday.\n\nAlice`,
              },
            ]
          : []),
      ],
    };
    messages.push(...buildThread(ctx, script));
  }
  return messages;
}
