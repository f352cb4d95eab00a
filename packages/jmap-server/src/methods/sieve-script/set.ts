import type { MethodResult, SetError, SieveScript } from '@colibri/jmap-types';
import { StoreError, sieveScriptLimits } from '@colibri/mail-store';
import type { AccountId, BlobId, SieveScriptRecord } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { toSieveScriptId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { beginSet, overQuotaAt, setErrorOf } from '../shared/set-helpers.js';
import { applySetItems, setResponse } from '../shared/set-loop.js';
import { idSchema } from '../shared/schemas.js';
import { checkScriptBlob } from './script-text.js';
import { parseSieveScriptCreate, parseSieveScriptPatch } from './set-fields.js';
import { sieveScriptToWire } from './to-wire.js';

/** RFC 9661 §2.4: the arguments /set has beyond RFC 8620 §5.3's. */
const onSuccessSchema = z.object({
  onSuccessActivateScript: z.string().nullable().optional(),
  onSuccessDeactivateScript: z.boolean().nullable().optional(),
});

type Created = { created: Partial<SieveScript> } | { error: SetError };

/**
 * The store's refusals as RFC 9661 §2.4 SetErrors: a name taken is alreadyExists (with the
 * clashing script's id, RFC 8620 §5.3), the active script is sieveIsActive, a blob gone since it
 * was read is blobNotFound; the rest as every /set maps them.
 */
function scriptSetError(error: unknown, all: readonly SieveScriptRecord[], name?: string | null): SetError {
  if (error instanceof StoreError && error.code === 'alreadyExists') {
    const existing = all.find((script) => script.name === name);
    return {
      type: 'alreadyExists',
      description: error.message,
      ...(existing ? { existingId: existing.id } : {}),
    };
  }
  if (error instanceof StoreError && error.code === 'forbidden')
    return {
      type: 'sieveIsActive',
      description: 'The active script cannot be destroyed: deactivate it first.',
    };
  return setErrorOf(error, ['name']);
}

async function createOne(
  ctx: MethodContext,
  accountId: AccountId,
  values: Record<string, unknown>,
): Promise<Created> {
  const input = parseSieveScriptCreate(values);
  if ('type' in input) return { error: input };
  const all = await ctx.store.listSieveScripts(accountId);
  // RFC 9661 §1.2.1 maxNumberScripts.
  const full = overQuotaAt(all.length, sieveScriptLimits.maxPerAccount, 'scripts');
  if (full !== null) return { error: full };
  const checked = await checkScriptBlob(ctx, accountId, input.blobId);
  if ('error' in checked) return checked;
  try {
    const script = await ctx.store.createSieveScript(accountId, {
      name: input.name ?? null,
      blobId: checked.blobId,
    });
    // RFC 8620 §5.3: the server-set properties, and the name when the server chose it.
    const { id, isActive, name } = sieveScriptToWire(script);
    return { created: input.name == null ? { id, name, isActive } : { id, isActive } };
  } catch (error) {
    return { error: scriptSetError(error, all, input.name) };
  }
}

async function updateOne(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const scriptId = toSieveScriptId(id);
  const all = await ctx.store.listSieveScripts(accountId);
  const current = all.find((script) => script.id === scriptId);
  if (scriptId === null || current === undefined) return { type: 'notFound' };
  const update = parseSieveScriptPatch(patch, { ...sieveScriptToWire(current) });
  if ('type' in update) return update;
  let blobId: BlobId | undefined;
  if (update.blobId !== undefined && update.blobId !== current.blobId) {
    const checked = await checkScriptBlob(ctx, accountId, update.blobId);
    if ('error' in checked) return checked.error;
    blobId = checked.blobId;
  }
  try {
    if (update.name !== undefined || blobId !== undefined)
      await ctx.store.updateSieveScript(accountId, scriptId, {
        ...(update.name === undefined ? {} : { name: update.name }),
        ...(blobId === undefined ? {} : { blobId }),
      });
    return null;
  } catch (error) {
    return scriptSetError(error, all, update.name);
  }
}

async function destroyOne(ctx: MethodContext, accountId: AccountId, id: string): Promise<SetError | null> {
  const scriptId = toSieveScriptId(id);
  if (scriptId === null) return { type: 'notFound' };
  try {
    await ctx.store.destroySieveScript(accountId, scriptId);
    return null;
  } catch (error) {
    return scriptSetError(error, []);
  }
}

/**
 * RFC 9661 §2.4: SieveScript/set, the standard /set (RFC 8620 §5.3) with the text checked before
 * it is stored (a script that would not run is never saved), then, only when every create, update
 * and destroy succeeded, onSuccessActivateScript (an id or `#creationId`; unknown ones are
 * ignored, as the RFC says) or onSuccessDeactivateScript, reported as isActive in created/updated.
 */
export async function sieveScriptSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'SieveScript/set'>> {
  const { onSuccessActivateScript, onSuccessDeactivateScript, ...standard } = rawArgs;
  const onSuccess = parseArgs(onSuccessSchema, { onSuccessActivateScript, onSuccessDeactivateScript });
  const { args, accountId, oldState } = await beginSet('SieveScript', standard, ctx);

  const out = await applySetItems<SieveScript>(ctx, args, {
    create: (values) => createOne(ctx, accountId, values),
    update: (id, patch) => updateOne(ctx, accountId, id, patch),
    destroy: (id) => destroyOne(ctx, accountId, id),
  });
  const failed = [out.notCreated, out.notUpdated, out.notDestroyed].some((m) => Object.keys(m).length > 0);
  if (!failed) {
    const creationIdOf = new Map(Object.entries(out.created).map(([creationId, c]) => [c.id, creationId]));
    for (const change of await activation(ctx, accountId, onSuccess)) {
      const creationId = creationIdOf.get(change.id);
      if (creationId !== undefined)
        out.created[creationId] = { ...out.created[creationId], isActive: change.isActive };
      else out.updated[change.id] = { ...out.updated[change.id], isActive: change.isActive };
    }
  }
  return setResponse(
    { accountId, oldState, newState: await ctx.store.getState(accountId, 'SieveScript') },
    out,
  );
}

/**
 * RFC 9661 §2.4: activate the named script (the active one, if any, is deactivated in the same
 * transaction), else deactivate when asked. An id that is not a script of the account is ignored.
 */
async function activation(
  ctx: MethodContext,
  accountId: AccountId,
  onSuccess: z.output<typeof onSuccessSchema>,
): Promise<{ id: string; isActive: boolean }[]> {
  if (onSuccess.onSuccessActivateScript != null) {
    const resolved = resolveId(ctx, onSuccess.onSuccessActivateScript);
    const id = resolved !== null && idSchema.safeParse(resolved).success ? toSieveScriptId(resolved) : null;
    if (id === null) return [];
    try {
      return await ctx.store.activateSieveScript(accountId, id);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'notFound') return [];
      throw error;
    }
  }
  if (onSuccess.onSuccessDeactivateScript === true) return ctx.store.activateSieveScript(accountId, null);
  return [];
}
