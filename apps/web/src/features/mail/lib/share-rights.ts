import type { MailboxRights } from '@colibri/jmap-types';

/** RFC 8621 §2 MailboxRights the Share dialog offers (mayShare stays the owner's, RFC 9670 §4). */
export const SHARE_RIGHTS = [
  'mayReadItems',
  'mayAddItems',
  'mayRemoveItems',
  'maySetSeen',
  'maySetKeywords',
  'mayCreateChild',
  'mayRename',
  'mayDelete',
  'maySubmit',
] as const;
export type ShareRight = (typeof SHARE_RIGHTS)[number];

export type SharePreset = 'read' | 'organise' | 'full';
export const SHARE_PRESETS: readonly SharePreset[] = ['read', 'organise', 'full'];

const PRESET_RIGHTS: Record<SharePreset, readonly ShareRight[]> = {
  read: ['mayReadItems'],
  organise: ['mayReadItems', 'mayAddItems', 'mayRemoveItems', 'maySetSeen', 'maySetKeywords'],
  full: SHARE_RIGHTS,
};

/** A complete MailboxRights object granting exactly `granted` (every right is sent, RFC 8621 §2). */
export function rightsOf(granted: Iterable<ShareRight>): MailboxRights {
  const set = new Set<string>(granted);
  const rights = Object.fromEntries(SHARE_RIGHTS.map((right) => [right, set.has(right)]));
  return { ...(rights as Record<ShareRight, boolean>), mayShare: false };
}

export function presetRights(preset: SharePreset): MailboxRights {
  return rightsOf(PRESET_RIGHTS[preset]);
}

/** The preset these rights are, or null when they are a custom mix. */
export function presetOf(rights: Partial<MailboxRights>): SharePreset | null {
  return (
    SHARE_PRESETS.find((preset) => {
      const wanted = presetRights(preset);
      return SHARE_RIGHTS.every((right) => Boolean(rights[right]) === wanted[right]);
    }) ?? null
  );
}
