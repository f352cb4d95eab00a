import { isValidKeyword } from '@colibri/mail-store';
import type { SieveAction } from '@colibri/sieve';

type VacationAction = Extract<SieveAction, { type: 'vacation' }>;

/** One mailbox a copy goes to: the delivery folder (`keep`) or a `fileinto` target. */
export type SieveTarget =
  { kind: 'keep' } | { kind: 'fileinto'; mailbox: string; mailboxId?: string; create: boolean };

/** What the actions of one run amount to, in the order delivery performs them. */
export interface SievePlan {
  /** Mailboxes of the one stored email (RFC 5228 §2.10.3: one copy, however many targets). */
  targets: SieveTarget[];
  /** The union of the flags of every keep/fileinto, as JMAP keywords. */
  keywords: string[];
  redirects: string[];
  reject: { reason: string; extended: boolean } | null;
  vacations: VacationAction[];
}

/** IMAP system flags (RFC 3501 §2.3.2) and their JMAP keywords (RFC 8621 §4.1.1). */
const SYSTEM_FLAGS: Record<string, string | null> = {
  '\\seen': '$seen',
  '\\flagged': '$flagged',
  '\\answered': '$answered',
  '\\draft': '$draft',
  // JMAP has no \Deleted (an email is destroyed, not marked): setting it would hide nothing and
  // confuse IMAP-minded users later, so it is dropped, as is \Recent (session state, not a flag).
  '\\deleted': null,
  '\\recent': null,
};

/**
 * RFC 5232 flags to JMAP keywords: system flags by the table above, other flags as keywords when
 * they are valid ones (lower-cased by the store), anything else dropped.
 */
export function keywordOfFlag(flag: string): string | null {
  const lower = flag.toLowerCase();
  if (Object.hasOwn(SYSTEM_FLAGS, lower)) return SYSTEM_FLAGS[lower]!;
  if (flag.startsWith('\\')) return null;
  return isValidKeyword(flag) ? lower : null;
}

/** Gathers the interpreter's actions into what delivery does with them. Pure. */
export function planOf(actions: readonly SieveAction[]): SievePlan {
  const plan: SievePlan = { targets: [], keywords: [], redirects: [], reject: null, vacations: [] };
  const keywords = new Set<string>();
  const addFlags = (flags: readonly string[]) => {
    for (const flag of flags) {
      const keyword = keywordOfFlag(flag);
      if (keyword !== null) keywords.add(keyword);
    }
  };
  for (const action of actions) {
    switch (action.type) {
      case 'keep':
        plan.targets.push({ kind: 'keep' });
        addFlags(action.flags);
        break;
      case 'fileinto':
        plan.targets.push({
          kind: 'fileinto',
          mailbox: action.mailbox,
          create: action.create,
          ...(action.mailboxId === undefined ? {} : { mailboxId: action.mailboxId }),
        });
        addFlags(action.flags);
        break;
      case 'redirect':
        plan.redirects.push(action.address);
        break;
      case 'reject':
        plan.reject ??= { reason: action.reason, extended: action.extended };
        break;
      case 'vacation':
        plan.vacations.push(action);
        break;
      case 'discard':
        // Nothing to do: discard only cancels the implicit keep, which the interpreter did.
        break;
    }
  }
  plan.keywords = [...keywords].sort();
  return plan;
}
