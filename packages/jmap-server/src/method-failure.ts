import type { MethodError, MethodErrorType } from '@colibri/jmap-types';

/**
 * An expected method-level failure (RFC 8620 §3.6.2). Handlers throw it; the dispatcher is the
 * one edge that turns it into an `["error", {...}, callId]` response. Anything else thrown is a
 * bug or an infrastructure fault and becomes `serverFail` without its message.
 */
export class MethodFailure extends Error {
  override readonly name = 'MethodFailure';
  readonly type: MethodErrorType;
  readonly extra: Record<string, unknown>;

  constructor(type: MethodErrorType, description?: string, extra: Record<string, unknown> = {}) {
    super(description ?? type);
    this.type = type;
    this.extra = extra;
  }

  toMethodError(): MethodError {
    const description = this.message === this.type ? undefined : this.message;
    return { ...this.extra, type: this.type, ...(description === undefined ? {} : { description }) };
  }
}
