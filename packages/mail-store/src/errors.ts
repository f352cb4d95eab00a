/** The one base class of the store's expected failures; the protocol layers map them at their edge. */
export class StoreError extends Error {
  constructor(
    readonly code:
      | 'notFound'
      | 'alreadyExists'
      | 'invalid'
      | 'cannotCalculateChanges'
      | 'tooLarge'
      | 'overQuota'
      | 'cannotUnsend'
      | 'forbiddenFrom'
      | 'forbidden'
      | 'unsupportedFilter'
      | 'unsupportedSort'
      | 'anchorNotFound'
      | 'tooManyChanges',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The given state is unknown or older than the retained change log: the client must resync. */
export class CannotCalculateChangesError extends StoreError {
  constructor(message = 'Changes since this state cannot be calculated') {
    super('cannotCalculateChanges', message);
  }
}

export class NotFoundError extends StoreError {
  constructor(what: string) {
    super('notFound', `${what} not found`);
  }
}

export class AlreadyExistsError extends StoreError {
  constructor(what: string) {
    super('alreadyExists', `${what} already exists`);
  }
}

export class InvalidInputError extends StoreError {
  constructor(message: string) {
    super('invalid', message);
  }
}

export class TooLargeError extends StoreError {
  constructor(message: string) {
    super('tooLarge', message);
  }
}

/** Which per-account limit an import would have exceeded. */
export type QuotaLimit = 'maxEmails' | 'maxBytes';

/**
 * The email would take the account over one of its quota limits; nothing was stored.
 * `requested` is what the email needed of that limit (1 email, or its size in bytes), so a caller
 * can tell "full for now" (`requested <= max`) from "never fits" (`requested > max`).
 */
export class QuotaExceededError extends StoreError {
  constructor(
    readonly limit: QuotaLimit,
    readonly max: number,
    readonly requested: number,
  ) {
    super('overQuota', `Over quota: ${limit} is ${max}`);
  }
}

/** An alias would shadow an account's address or another alias (each address has one owner). */
export class AliasConflictError extends StoreError {
  constructor(readonly address: string) {
    super('alreadyExists', `Address ${address} is already used by an account or another alias`);
  }
}

/** An alias, account or catch-all names a domain this installation does not serve. */
export class DomainNotOursError extends StoreError {
  constructor(readonly domain: string) {
    super('notFound', `Domain ${domain} is not one of ours: create it first`);
  }
}

/** A domain cannot be deleted while accounts or aliases still use it. */
export class DomainInUseError extends StoreError {
  constructor(
    readonly domain: string,
    readonly accounts: number,
    readonly aliases: number,
  ) {
    super('invalid', `Domain ${domain} is still used by ${accounts} account(s) and ${aliases} alias(es)`);
  }
}

/**
 * RFC 8621 §7.5 `cannotUnsend`: the submission is no longer pending (its sendAt has come, or it
 * was already canceled), so it cannot be canceled any more.
 */
export class CannotUnsendError extends StoreError {
  constructor(message: string) {
    super('cannotUnsend', message);
  }
}

/** RFC 8621 §6/§7 "forbiddenFrom": the account may not send as (or make an identity for) this address. */
export class ForbiddenFromError extends StoreError {
  constructor(readonly email: string) {
    super('forbiddenFrom', `This account may not send as ${email}`);
  }
}

/** The account may not do this to the object (e.g. destroy its default identity, RFC 8621 §6). */
export class ForbiddenError extends StoreError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** RFC 8620 §5.5: a filter the store cannot evaluate (too deep, too many conditions). */
export class UnsupportedFilterError extends StoreError {
  constructor(message: string) {
    super('unsupportedFilter', message);
  }
}

/** RFC 8620 §5.5: a sort property, collation or missing keyword the store cannot honour. */
export class UnsupportedSortError extends StoreError {
  constructor(message: string) {
    super('unsupportedSort', message);
  }
}

/** RFC 8620 §5.5: the anchor is not in the query's results. */
export class AnchorNotFoundError extends StoreError {
  constructor() {
    super('anchorNotFound', 'The anchor is not in the results');
  }
}

/** RFC 8620 §5.6: more changes than the client's maxChanges. */
export class TooManyChangesError extends StoreError {
  constructor(count: number, maxChanges: number) {
    super('tooManyChanges', `${count} changes, more than maxChanges ${maxChanges}`);
  }
}

/** Which mailbox property a refused mailbox write is about (RFC 8621 §2 rules). */
export type MailboxField = 'name' | 'parentId' | 'role';

/**
 * A mailbox create or update broke a mailbox rule: a bad name, an unknown parent, a loop or too
 * deep a tree, an unknown role. `property` names the field at fault.
 */
export class MailboxFieldError extends StoreError {
  constructor(
    code: 'invalid' | 'notFound',
    readonly property: MailboxField,
    message: string,
  ) {
    super(code, message);
  }
}

/** A sibling already has the name, or another mailbox the role (RFC 8621 §2: both unique). */
export class MailboxTakenError extends AlreadyExistsError {
  constructor(
    readonly property: 'name' | 'role',
    what: string,
  ) {
    super(what);
  }
}

/** A mailbox cannot be destroyed while it has child mailboxes, or emails unless they go with it. */
export class MailboxNotEmptyError extends StoreError {
  constructor(readonly holds: 'children' | 'emails') {
    super('invalid', `The mailbox still has ${holds}`);
  }
}
