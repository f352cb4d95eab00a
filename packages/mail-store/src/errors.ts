/** The one base class of the store's expected failures; the protocol layers map them at their edge. */
export class StoreError extends Error {
  constructor(
    readonly code: 'notFound' | 'alreadyExists' | 'invalid' | 'cannotCalculateChanges' | 'tooLarge',
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
