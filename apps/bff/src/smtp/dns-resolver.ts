import { promises as dns } from 'node:dns';

/**
 * The DNS lookup the message checks use, shaped like node's `dns.promises.resolve`: records of
 * the type, or a rejection with a `code` (`ENOTFOUND`/`ENODATA` mean "no such record", anything
 * else a temporary failure, RFC 7208 §5 and RFC 6376 §6.1.2 temperror).
 */
export type DnsResolver = (name: string, rrtype: string) => Promise<unknown>;

/** The longest one DNS lookup may take; then it fails as a timeout (temperror, never a hang). */
export const DNS_LOOKUP_TIMEOUT_MS = 5_000;

export const systemResolver: DnsResolver = (name, rrtype) => dns.resolve(name, rrtype);

class DnsLookupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DnsLookupError';
  }
}

/**
 * Wraps a resolver with the per-lookup time limit, and turns any failure without a DNS error
 * code (a bug in a custom resolver) into a server failure, so that the checks report temperror.
 */
export function limitedResolver(resolver: DnsResolver, timeoutMs = DNS_LOOKUP_TIMEOUT_MS): DnsResolver {
  return async (name, rrtype) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DnsLookupError('ETIMEOUT', `DNS ${rrtype} lookup of ${name} timed out`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([resolver(name, rrtype), timeout]);
    } catch (error) {
      if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') throw error;
      throw new DnsLookupError('ESERVFAIL', `DNS ${rrtype} lookup of ${name} failed: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  };
}
