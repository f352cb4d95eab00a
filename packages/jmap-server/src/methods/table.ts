import { Capability } from '@colibri/jmap-types';
import type { CapabilityUrn, MethodName } from '@colibri/jmap-types';
import type { MethodContext, MethodHandler } from '../method-context.js';
import { coreEcho } from './core/echo.js';
import { emailChanges } from './email/changes.js';
import { emailGet } from './email/get.js';
import { emailQuery } from './email/query.js';
import { emailQueryChanges } from './email/query-changes.js';
import { emailSet } from './email/set.js';
import { mailboxChanges } from './mailbox/changes.js';
import { mailboxGet } from './mailbox/get.js';
import { mailboxQuery } from './mailbox/query.js';
import { mailboxQueryChanges } from './mailbox/query-changes.js';
import { mailboxSet } from './mailbox/set.js';
import { searchSnippetGet } from './search-snippet/get.js';
import { threadChanges } from './thread/changes.js';
import { threadGet } from './thread/get.js';

interface MethodEntry<M extends MethodName> {
  /** The capability that must be in the request's `using` (RFC 8620 §3.3). */
  capability: CapabilityUrn;
  handler: MethodHandler<M>;
}

/** Dispatch: method name -> handler, one file per method (STYLE 2). */
const METHODS: { readonly [M in MethodName]?: MethodEntry<M> } = {
  'Core/echo': { capability: Capability.Core, handler: coreEcho },
  'Mailbox/get': { capability: Capability.Mail, handler: mailboxGet },
  'Mailbox/changes': { capability: Capability.Mail, handler: mailboxChanges },
  'Mailbox/set': { capability: Capability.Mail, handler: mailboxSet },
  'Mailbox/query': { capability: Capability.Mail, handler: mailboxQuery },
  'Mailbox/queryChanges': { capability: Capability.Mail, handler: mailboxQueryChanges },
  'Email/get': { capability: Capability.Mail, handler: emailGet },
  'Email/query': { capability: Capability.Mail, handler: emailQuery },
  'Email/queryChanges': { capability: Capability.Mail, handler: emailQueryChanges },
  'Email/changes': { capability: Capability.Mail, handler: emailChanges },
  'Email/set': { capability: Capability.Mail, handler: emailSet },
  'Thread/get': { capability: Capability.Mail, handler: threadGet },
  'Thread/changes': { capability: Capability.Mail, handler: threadChanges },
  'SearchSnippet/get': { capability: Capability.Mail, handler: searchSnippetGet },
};

export interface FoundMethod {
  capability: CapabilityUrn;
  handler: (args: Record<string, unknown>, ctx: MethodContext) => Promise<Record<string, unknown>>;
}

function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}

/** The handler for a wire method name, or undefined when the server does not know it. */
export function findMethod(name: string): FoundMethod | undefined {
  if (!isMethodName(name)) return undefined;
  const entry = METHODS[name] as MethodEntry<MethodName> | undefined;
  if (entry === undefined) return undefined;
  // Results are typed per method in the table; on the wire they are plain argument objects.
  return { capability: entry.capability, handler: entry.handler as FoundMethod['handler'] };
}
