import type { SieveAccountCapability } from '@colibri/jmap-types';
import { sieveScriptLimits } from '@colibri/mail-store';
import { SIEVE_LIMITS, SUPPORTED_EXTENSIONS } from '@colibri/sieve';

/**
 * RFC 9661 §1.2.1: the account capability. The limits are the store's (names, scripts per account)
 * and the interpreter's (script size, redirects per run); the extensions are exactly what
 * @colibri/sieve implements. No "enotify" and no "extlists", hence the two nulls.
 */
export const SIEVE_ACCOUNT_CAPABILITY: SieveAccountCapability = {
  implementation: 'Colibri Sieve 0.1',
  maxSizeScriptName: sieveScriptLimits.maxNameOctets,
  maxSizeScript: SIEVE_LIMITS.maxScriptBytes,
  maxNumberScripts: sieveScriptLimits.maxPerAccount,
  maxNumberRedirects: SIEVE_LIMITS.maxRedirects,
  sieveExtensions: [...SUPPORTED_EXTENSIONS],
  notificationMethods: null,
  externalLists: null,
};
