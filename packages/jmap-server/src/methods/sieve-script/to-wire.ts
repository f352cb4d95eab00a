import type { SieveScript, SieveScriptProperty } from '@colibri/jmap-types';
import type { SieveScriptRecord } from '@colibri/mail-store';

/** RFC 9661 §2: every SieveScript property; /get returns them all by default. */
export const SIEVE_SCRIPT_PROPERTIES: readonly SieveScriptProperty[] = ['id', 'name', 'blobId', 'isActive'];

export function sieveScriptToWire(script: SieveScriptRecord): SieveScript {
  return { id: script.id, name: script.name, blobId: script.blobId, isActive: script.isActive };
}
