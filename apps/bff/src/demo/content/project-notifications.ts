import type { DemoContext, DemoMessage } from '../demo-message.js';

const AUTHORS = ['alice', 'bob', 'idris', 'eitan'];
const CHANGES = [
  'mailbox tree: announce unread counts',
  'store: fsync blobs before rename',
  'jmap: validate result references',
  'web: keep focus after delete',
  'smtp: enforce the SIZE limit',
  'deps: update vitest',
  'bff: throttle failed logins',
  'docs: explain the data folder',
  'search: rebuild index after migration',
  'web: dark theme contrast fixes',
];

/** CI build results for the Colibri repository, filed by alice into Projects/Colibri. */
export function ciNotifications(ctx: DemoContext): DemoMessage[] {
  const messages: DemoMessage[] = [];
  for (let i = 0; i < 75; i++) {
    const build = 1180 + i;
    const failed = ctx.rng.chance(0.16);
    const change = ctx.rng.pick(CHANGES);
    const author = ctx.rng.pick(AUTHORS);
    const sha = ctx.rng.hex(20);
    const minutes = ctx.rng.int(4, 11);
    const key = `ci-build-${build}`;
    messages.push({
      key,
      messageId: ctx.messageId(key, 'ci'),
      from: 'ci',
      to: ['alice'],
      subject: `[colibri] Build #${build} ${failed ? 'failed' : 'passed'} on main`,
      date: ctx.at(88 - i * 1.17),
      text: [
        `Build #${build} ${failed ? 'FAILED' : 'passed'} in ${minutes} min.`,
        '',
        `Commit:  ${sha.slice(0, 12)} ${change}`,
        `Author:  ${author}`,
        `Branch:  main`,
        '',
        failed
          ? `Failed step: test (${ctx.rng.pick(['unit', 'integration', 'e2e'])})\n  ${ctx.rng.int(1, 3)} test(s) failed, see the log for details.`
          : 'All steps passed: typecheck, lint, unit, integration, e2e.',
        '',
        `Details: https://builds.example.com/colibri/${build}`,
        '',
        '-- ',
        'You receive this because you watch the main branch.',
      ].join('\n'),
      headers: { 'List-Id': '<colibri.builds.example.com>', 'Auto-Submitted': 'auto-generated' },
      folder: { alice: 'Projects/Colibri' },
    });
  }
  return messages;
}

const PULL_REQUESTS = [
  'Add the mailbox tree component',
  'Stream blob downloads with Range support',
  'Sanitise HTML mail in a sandboxed frame',
  'Email/query: sort by sentAt',
  'Store: content-addressed blobs',
  'Login page: show the retry delay',
  'CI: cache the pnpm store',
  'French translation',
  'SMTP: Received headers at delivery',
  'Message list: load more on scroll',
  'Docs: configuration reference',
  'Session: absolute URLs behind a proxy',
];

/** Code-review notifications, threaded per pull request the way forges thread them. */
export function reviewNotifications(ctx: DemoContext): DemoMessage[] {
  const messages: DemoMessage[] = [];
  PULL_REQUESTS.forEach((title, i) => {
    const number = 212 + i * 3;
    const root = `colibri/colibri/pull/${number}@forge.example.com`;
    const author = ctx.rng.pick(AUTHORS.filter((a) => a !== 'alice'));
    const events = [
      `@${author} opened this pull request:\n\n${title}.\n\nCloses #${number - 40}.`,
      `@bob commented:\n\n${ctx.rng.pick(['Looks good, one nit inline.', 'Could you add a test for the empty case?', 'Nice, much simpler than before.', 'Does this need a migration?'])}`,
      `@carol approved these changes.`,
      `Merged #${number} into main.`,
    ].slice(0, ctx.rng.int(2, 4));
    let date = ctx.at(86 - i * 7);
    events.forEach((text, j) => {
      const key = `pr-${number}-${j}`;
      if (j > 0)
        date = new Date(
          Math.min(date.getTime() + ctx.rng.int(1, 30) * 3600_000, ctx.now.getTime() - 600_000),
        );
      const ageDays = (ctx.now.getTime() - date.getTime()) / 86_400_000;
      messages.push({
        key,
        messageId: j === 0 ? root : ctx.messageId(key, 'forge'),
        from: 'forge',
        to: ['alice'],
        subject: `${j === 0 ? '' : 'Re: '}[colibri/colibri] ${title} (PR #${number})`,
        date,
        text: `${text}\n\n-- \nReply to this email directly or view it on Forge:\nhttps://forge.example.com/colibri/colibri/pull/${number}\n`,
        ...(j > 0 ? { inReplyTo: root, references: [root] } : {}),
        headers: { 'List-Id': 'colibri/colibri <colibri.colibri.forge.example.com>' },
        folder: { alice: ageDays > 14 ? 'Projects/Colibri' : 'inbox' },
      });
    });
  });
  return messages;
}
