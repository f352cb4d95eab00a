import { MethodErrorType } from '@colibri/jmap-types';
import type { EmailBodyPart } from '@colibri/jmap-types';
import type { BodyPart } from '@colibri/mail-store';
import { MethodFailure } from '../../method-failure.js';
import { headerPropertyValues, type HeaderProperty } from './header-forms.js';
import { splitHeaderProperties } from './header-properties.js';

/** RFC 8621 §4.1.4: the EmailBodyPart properties this server can return. */
export const BODY_PART_PROPERTIES = [
  'partId',
  'blobId',
  'size',
  'headers',
  'name',
  'type',
  'charset',
  'disposition',
  'cid',
  'language',
  'location',
  'subParts',
] as const;
export type BodyPartProperty = (typeof BODY_PART_PROPERTIES)[number];
/** A chosen body part property: a plain one, or a `header:` form (RFC 8621 §4.1.4 has `header:` too). */
export type BodyPartSelection = BodyPartProperty | HeaderProperty;

/** RFC 8621 §4.2: the `bodyProperties` default. */
export const DEFAULT_BODY_PROPERTIES: readonly BodyPartProperty[] = [
  'partId',
  'blobId',
  'size',
  'name',
  'type',
  'charset',
  'disposition',
  'cid',
  'language',
  'location',
];

function isBodyPartProperty(name: string): name is BodyPartProperty {
  return (BODY_PART_PROPERTIES as readonly string[]).includes(name);
}

/** RFC 8621 §4.2 `bodyProperties`, `header:{name}` forms included. */
export function selectBodyProperties(requested: readonly string[] | null | undefined): BodyPartSelection[] {
  const { names, headers } = splitHeaderProperties(requested, 'bodyProperties');
  if (names === null) return [...DEFAULT_BODY_PROPERTIES];
  const unknown = names.filter((name) => !isBodyPartProperty(name));
  if (unknown.length > 0) {
    throw new MethodFailure(
      MethodErrorType.InvalidArguments,
      `Unsupported body properties: ${unknown.join(', ')}.`,
      { arguments: ['bodyProperties'] },
    );
  }
  return [...names.filter(isBodyPartProperty), ...headers];
}

/** One stored part as a wire EmailBodyPart with just the chosen properties. */
export function projectPart(
  part: BodyPart,
  properties: readonly BodyPartSelection[],
): Partial<EmailBodyPart> {
  const headers = properties.filter((property) => typeof property !== 'string');
  const wire: Partial<EmailBodyPart> = headers.length > 0 ? headerPropertyValues(part.headers, headers) : {};
  for (const property of properties) {
    if (typeof property !== 'string') continue;
    switch (property) {
      case 'headers':
        wire.headers = part.headers.map(({ name, value }) => ({ name, value }));
        break;
      case 'subParts':
        wire.subParts =
          part.subParts === null
            ? null
            : (part.subParts.map((child) => projectPart(child, properties)) as EmailBodyPart[]);
        break;
      case 'language':
        wire.language = part.language === null ? null : [...part.language];
        break;
      default:
        (wire as Record<string, unknown>)[property] = part[property];
    }
  }
  return wire;
}

/**
 * `bodyStructure` is a tree, so its multipart nodes always carry `subParts` even when the client
 * did not list it in `bodyProperties` (a tree without its branches says nothing).
 */
export function projectStructure(
  part: BodyPart,
  properties: readonly BodyPartSelection[],
): Partial<EmailBodyPart> {
  return projectPart(part, properties.includes('subParts') ? properties : [...properties, 'subParts']);
}

/** Every leaf of the MIME tree, in document order (RFC 8621 §4.2 fetchAllBodyValues). */
export function leafParts(part: BodyPart): BodyPart[] {
  return part.subParts === null ? [part] : part.subParts.flatMap(leafParts);
}
