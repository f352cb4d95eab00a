import { MethodErrorType } from '@colibri/jmap-types';
import { MethodFailure } from '../../method-failure.js';
import { parseHeaderProperty, type HeaderProperty } from './header-forms.js';

/** A requested property list with its `header:` properties (RFC 8621 §4.1.3) taken out and parsed. */
export interface SplitProperties {
  /** The other names, or null when the list was null or absent (the defaults). */
  names: string[] | null;
  headers: HeaderProperty[];
}

/**
 * Takes the `header:{name}[:as{form}][:all]` properties out of `properties` or `bodyProperties`;
 * a malformed one, or a form the field is known not to have (RFC 8621 §4.1.2), is invalidArguments.
 */
export function splitHeaderProperties(
  requested: readonly string[] | null | undefined,
  argument: string,
): SplitProperties {
  if (requested == null) return { names: null, headers: [] };
  const names: string[] = [];
  const headers: HeaderProperty[] = [];
  const invalid: string[] = [];
  for (const property of new Set(requested)) {
    if (!property.startsWith('header:')) names.push(property);
    else {
      const header = parseHeaderProperty(property);
      if (header === null) invalid.push(property);
      else headers.push(header);
    }
  }
  if (invalid.length > 0) {
    throw new MethodFailure(
      MethodErrorType.InvalidArguments,
      `Invalid header properties: ${invalid.join(', ')}.`,
      { arguments: [argument] },
    );
  }
  return { names, headers };
}
