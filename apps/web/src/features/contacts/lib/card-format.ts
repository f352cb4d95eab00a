import type { Card, CardEmailAddress, EmailAddress } from '@colibri/jmap-types';

/** Map entries in the order a person expects: the preferred first (RFC 9553 §1.5.3 `pref`, 1 best). */
export function byPref<T extends { pref?: number }>(
  map: Record<string, T> | undefined | null,
): [string, T][] {
  return Object.entries(map ?? {}).sort(([, a], [, b]) => (a.pref ?? 101) - (b.pref ?? 101));
}

/** The name built from components (RFC 9553 §2.2.1.2), separators and all, or '' when there is none. */
function nameFromComponents(card: Pick<Card, 'name'>): string {
  const components = card.name?.components ?? [];
  const separator = card.name?.defaultSeparator ?? ' ';
  const parts: string[] = [];
  for (const component of components) {
    if (component.kind === 'separator') continue;
    if (component.value.trim()) parts.push(component.value.trim());
  }
  return parts.join(separator);
}

/** What a card is called in lists: the full name, its components, the organisation or an address. */
export function cardDisplayName(card: Pick<Card, 'name' | 'organizations' | 'emails'>): string {
  const full = card.name?.full?.trim();
  if (full) return full;
  const built = nameFromComponents(card);
  if (built) return built;
  const organization = Object.values(card.organizations ?? {})[0]?.name?.trim();
  if (organization) return organization;
  return primaryEmail(card) ?? '';
}

/** The preferred email address of a card, if it has one. */
export function primaryEmail(card: Pick<Card, 'emails'>): string | null {
  return byPref<CardEmailAddress>(card.emails)[0]?.[1].address ?? null;
}

/** The card as a recipient (name and address), for the composer. */
export function cardRecipient(card: Pick<Card, 'name' | 'organizations' | 'emails'>): EmailAddress | null {
  const email = primaryEmail(card);
  if (!email) return null;
  const name = cardDisplayName(card);
  return { name: name && name !== email ? name : null, email };
}

/** Whether a card is a group (RFC 9553 §2.1.4 kind `group`, members in §2.1.6). */
export function isGroup(card: Pick<Card, 'kind'>): boolean {
  return card.kind === 'group';
}
