import type { Identity, IdentityProperty } from '@colibri/jmap-types';
import type { Identity as StoredIdentity } from '@colibri/mail-store';

/** RFC 8621 §6: every Identity property; /get returns them all by default. */
export const IDENTITY_PROPERTIES: readonly IdentityProperty[] = [
  'id',
  'name',
  'email',
  'replyTo',
  'bcc',
  'textSignature',
  'htmlSignature',
  'mayDelete',
];

export function identityToWire(identity: StoredIdentity): Identity {
  return {
    id: identity.id,
    name: identity.name,
    email: identity.email,
    replyTo: identity.replyTo,
    bcc: identity.bcc,
    textSignature: identity.textSignature,
    htmlSignature: identity.htmlSignature,
    mayDelete: identity.mayDelete,
  };
}
