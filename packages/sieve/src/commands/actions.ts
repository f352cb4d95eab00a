import { validMailbox } from '../address-list.js';
import { addAction } from '../actions.js';
import type { TestNode } from '../ast.js';
import { SieveRuntimeError, StopSignal, argString, tagStrings } from '../run-state.js';
import type { RunState } from '../run-state.js';
import { flagsFor } from './flag-arguments.js';

/** RFC 5228 §3.3 `stop`. */
export function stop(): void {
  throw new StopSignal();
}

/** RFC 5228 §4.3 `keep`, with RFC 5232 `:flags`. */
export function keep(run: RunState, node: TestNode): void {
  addAction(run, node.position, { type: 'keep', flags: flagsFor(run, node) }, true);
}

/** RFC 5228 §4.4 `discard`: cancels the implicit keep, nothing else. */
export function discard(run: RunState, node: TestNode): void {
  addAction(run, node.position, { type: 'discard' }, true);
}

/** RFC 5228 §4.2 `redirect` (RFC 3894 `:copy`); the address is checked again after expansion. */
export function redirect(run: RunState, node: TestNode): void {
  const text = argString(run, node, 0);
  const address = validMailbox(text);
  if (address === null) throw new SieveRuntimeError(node.position, `invalid redirect address "${text}"`);
  addAction(run, node.position, { type: 'redirect', address }, !node.tags.has('copy'));
}

/** RFC 5228 §4.1 `fileinto`, with `:copy` (RFC 3894), `:flags` (RFC 5232), `:create` (RFC 5490), `:mailboxid` (RFC 9042). */
export function fileinto(run: RunState, node: TestNode): void {
  const mailbox = argString(run, node, 0);
  const mailboxId = tagStrings(run, node, 'mailboxid')?.[0];
  const action = {
    type: 'fileinto' as const,
    mailbox,
    create: node.tags.has('create'),
    flags: flagsFor(run, node),
    ...(mailboxId === undefined ? {} : { mailboxId }),
  };
  addAction(run, node.position, action, !node.tags.has('copy'));
}

/** RFC 5429 `reject` and `ereject`. */
export function reject(run: RunState, node: TestNode): void {
  addAction(
    run,
    node.position,
    { type: 'reject', reason: argString(run, node, 0), extended: node.name === 'ereject' },
    true,
  );
}
