import type { Invocation, MethodArgs, MethodName, MethodResult, ResultReference } from '@colibri/jmap-types';

/** A method call placed in a request; pass it to `ref()` to point at its result. */
export interface CallHandle<M extends MethodName = MethodName> {
  readonly method: M;
  readonly callId: string;
}

/**
 * A JSON Pointer into a method's result whose first segment is one of the result's properties,
 * so that `ref(query, '/idz')` is a compile error. RFC 8620 §3.7 allows `*` to map over arrays.
 */
export type ResultPath<R> = `/${Extract<keyof R, string>}` | `/${Extract<keyof R, string>}/${string}`;

/** RFC 8620 §3.7: a back-reference to the result of an earlier call in the same request. */
export class ResultRef {
  constructor(readonly reference: ResultReference) {}
}

/**
 * A back-reference to `path` in the result of `call`. Use it as an argument value; the builder
 * sends it as the `#`-prefixed argument, e.g. `ids: ref(query, '/ids')` becomes
 * `"#ids": { "resultOf": "c0", "name": "Email/query", "path": "/ids" }`.
 */
export function ref<M extends MethodName>(call: CallHandle<M>, path: ResultPath<MethodResult<M>>): ResultRef {
  return new ResultRef({ resultOf: call.callId, name: call.method, path });
}

/** Method arguments where any top-level argument may instead be a back-reference. */
export type ArgsWithRefs<M extends MethodName> = { [K in keyof MethodArgs<M>]: MethodArgs<M>[K] | ResultRef };

/** What a request builder callback may return: handles in an object or a tuple. */
export type CallHandles = Readonly<Record<string, CallHandle>> | readonly CallHandle[];

/** The typed results of the handles a builder returned, in the same shape. */
export type CallResults<T extends CallHandles> = {
  -readonly [K in keyof T]: T[K] extends CallHandle<infer M> ? MethodResult<M> : never;
};

/** Collects the method calls of one JMAP request (RFC 8620 §3.3). */
export class RequestBuilder {
  readonly #calls: Invocation[] = [];
  readonly #methods: MethodName[] = [];

  /** Adds a method call and returns its handle. Calls run in the order they are added. */
  call<M extends MethodName>(method: M, args: ArgsWithRefs<M>): CallHandle<M> {
    const callId = `c${this.#calls.length}`;
    const wire: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(args)) {
      if (value instanceof ResultRef) wire[`#${key}`] = value.reference;
      else if (value !== undefined) wire[key] = value;
    }
    this.#calls.push([method, wire, callId]);
    this.#methods.push(method);
    return { method, callId };
  }

  /** The method calls so far, ready for `methodCalls`. */
  get methodCalls(): Invocation[] {
    return [...this.#calls];
  }

  /** The method names so far, to derive `using`. */
  get methods(): MethodName[] {
    return [...this.#methods];
  }
}
