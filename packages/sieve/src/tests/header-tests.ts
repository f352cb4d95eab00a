import { parseAddrSpec, parseAddressList } from '../address-list.js';
import type { ParsedAddress } from '../address-list.js';
import { addressPart } from '../address-parts.js';
import type { AddressPart } from '../address-parts.js';
import type { TestNode } from '../ast.js';
import { SieveRuntimeError, argStrings } from '../run-state.js';
import type { RunState } from '../run-state.js';
import { compareWithKeys, headerValues } from './compare.js';

/** RFC 5228 §5.7 `header`. */
export function header(run: RunState, node: TestNode): boolean {
  return compareWithKeys(run, node, headerValues(run, node, argStrings(run, node, 0)));
}

/** RFC 5228 §5.5 `exists`: every named header field is present. */
export function exists(run: RunState, node: TestNode): boolean {
  return argStrings(run, node, 0).every((name) => run.message.header(name).length > 0);
}

function partOf(node: TestNode): AddressPart {
  for (const part of ['localpart', 'domain', 'user', 'detail'] as const) if (node.tags.has(part)) return part;
  return 'all';
}

/** The chosen part of each address; addresses without that part take no part in the match. */
function compareAddresses(run: RunState, node: TestNode, addresses: readonly ParsedAddress[]): boolean {
  const part = partOf(node);
  const parts = addresses.map((address) => addressPart(address, part));
  // RFC 5231 §4.1: :count counts the addresses, whatever part the test names.
  const values = node.tags.has('count')
    ? parts.map((value) => value ?? '')
    : parts.filter((value): value is string => value !== null);
  return compareWithKeys(run, node, values);
}

/** RFC 5228 §5.1 `address`: the header fields read as address lists. */
export function address(run: RunState, node: TestNode): boolean {
  const values = headerValues(run, node, argStrings(run, node, 0));
  return compareAddresses(run, node, values.flatMap(parseAddressList));
}

/** RFC 5228 §5.4 `envelope`: MAIL FROM and this copy's RCPT TO. */
export function envelope(run: RunState, node: TestNode): boolean {
  const addresses = argStrings(run, node, 0).map((part) => {
    const name = part.toLowerCase();
    if (name !== 'from' && name !== 'to')
      throw new SieveRuntimeError(node.position, `unknown envelope part "${part}"`);
    const text = name === 'from' ? run.message.envelope.from : run.message.envelope.to;
    // RFC 5228 §5.4: angle brackets and source routes ("@a,@b:") are dropped.
    const bare = text
      .trim()
      .replace(/^<(.*)>$/, '$1')
      .replace(/^@[^:]*:/, '');
    return parseAddrSpec(bare);
  });
  return compareAddresses(run, node, addresses);
}
