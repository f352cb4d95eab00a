/** True for the SDK's "no such object/bucket" answers (HEAD has no body, so only a 404). */
export function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; name?: string; errors?: unknown[] } | null;
  if (e?.code !== undefined && unreachableCodes.has(e.code)) return true;
  if (e?.name === 'TimeoutError') return true;
  // Node reports a refused dual-stack connect as an AggregateError of the per-address failures.
  return Array.isArray(e?.errors) && e.errors.some(isUnreachable);
}

/**
 * An infrastructure fault of the S3 blob store (STYLE 10: thrown, not a value): it names the
 * operation, the bucket and the endpoint, never the credentials; the SDK error is its `cause`.
 */
export class S3BlobStoreError extends Error {
  override readonly name = 'S3BlobStoreError';
  /** True when no S3 server answered at all (connection refused, DNS, timeout). */
  readonly unreachable: boolean;
  constructor(operation: string, where: { bucket: string; endpoint: string }, cause: unknown) {
    const unreachable = isUnreachable(cause);
    const reason = unreachable
      ? `cannot reach the S3 server at ${where.endpoint}`
      : `the S3 server at ${where.endpoint} answered ${describe(cause)}`;
    super(`S3 blob store: ${operation} in bucket "${where.bucket}" failed: ${reason}`, { cause });
    this.unreachable = unreachable;
  }
}

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } } | null;
  const status = e?.$metadata?.httpStatusCode;
  return [status !== undefined ? `HTTP ${status}` : null, e?.name, e?.message]
    .filter((part) => part !== null && part !== undefined && part !== '')
    .join(' ');
}
