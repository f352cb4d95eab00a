/**
 * How a port's calls answer: at once (`sync`: the embedded SQLite backend, whose better-sqlite3
 * transactions cannot await) or later (`async`: PostgreSQL, a networked index). A port is written
 * once, generic over its mode, so that a synchronous backend is not forced to pay for promises
 * inside a transaction and an asynchronous one is not forced to block.
 */
export type CallMode = 'sync' | 'async';

/** What a port call of mode `M` returns for a result `T`. */
export type Answer<M extends CallMode, T> = M extends 'sync' ? T : Promise<T>;
