import type { SetError } from '@colibri/jmap-types';
import { InvalidInputError } from '@colibri/mail-store';
import type { AccountId, SharedCollectionKind } from '@colibri/mail-store';
import { z } from 'zod';
import { directoryOf } from '../../directory.js';
import type { MethodContext } from '../../method-context.js';
import { setErrorOf } from './set-helpers.js';
import { invalidProperties } from './set-properties.js';

type Rights = Record<string, boolean>;

/**
 * RFC 9670 §4 shareWith in a create or a PatchObject: the whole map, or `shareWith/<principal>`
 * (rights or null), or `shareWith/<principal>/<right>`. Returns the other properties, and the new
 * map when the item changes it (undefined when it does not), or invalidProperties.
 */
export function takeShareWith(
  values: Record<string, unknown>,
  current: Readonly<Record<string, object>> | null,
  rightNames: readonly string[],
): { rest: Record<string, unknown>; shareWith: Record<string, Rights> | undefined } | SetError {
  const rightsSchema = z.strictObject(Object.fromEntries(rightNames.map((n) => [n, z.boolean().optional()])));
  const mapSchema = z.record(z.string(), rightsSchema).nullable();
  const rest: Record<string, unknown> = {};
  let shareWith: Record<string, Rights> | undefined;
  const bad: string[] = [];
  for (const [path, value] of Object.entries(values)) {
    const [head, principal, right, ...deeper] = path.split('/');
    if (head !== 'shareWith') {
      rest[path] = value;
      continue;
    }
    shareWith ??= structuredClone((current ?? {}) as Record<string, Rights>);
    if (principal === undefined) {
      const parsed = mapSchema.safeParse(value);
      if (parsed.success) shareWith = (parsed.data ?? {}) as Record<string, Rights>;
      else bad.push(path);
    } else if (right === undefined) {
      const parsed = rightsSchema.nullable().safeParse(value);
      if (!parsed.success) bad.push(path);
      else if (parsed.data === null) delete shareWith[principal];
      else shareWith[principal] = parsed.data as Rights;
    } else if (deeper.length === 0 && rightNames.includes(right) && typeof value === 'boolean') {
      shareWith[principal] = { ...shareWith[principal], [right]: value };
    } else bad.push(path);
  }
  if (bad.length > 0) return invalidProperties(bad, `Invalid shareWith: ${bad.join(', ')}.`);
  return { rest, shareWith };
}

/**
 * RFC 9670 §4: replaces who a calendar or address book is shared with. Each principal must be one
 * of the user's directory (Principal/query) and not the account's owner, whose rights are implicit.
 * `imply` completes rights that entail others (a right missing is false). Null on success.
 */
export async function applyCollectionShares(
  ctx: MethodContext,
  accountId: AccountId,
  kind: SharedCollectionKind,
  collectionId: string,
  shareWith: Record<string, Rights>,
  imply: (rights: Rights) => Rights = (rights) => rights,
): Promise<SetError | null> {
  const wanted = Object.entries(shareWith);
  if (wanted.length > 0) {
    const known = new Set((await directoryOf(ctx.store, ctx.principal)).map((a) => a.id as string));
    const unknown = wanted.map(([id]) => id).filter((id) => !known.has(id) || id === accountId);
    if (unknown.length > 0)
      return invalidProperties(
        ['shareWith'],
        `Not principals this can be shared with: ${unknown.join(', ')}.`,
      );
  }
  try {
    await ctx.store.setCollectionShares(
      accountId,
      kind,
      collectionId,
      new Map(wanted.map(([id, rights]) => [id as AccountId, imply(rights)])),
      ctx.principal.accountId,
    );
    return null;
  } catch (error) {
    if (error instanceof InvalidInputError) return invalidProperties(['shareWith'], `${error.message}.`);
    return setErrorOf(error);
  }
}
