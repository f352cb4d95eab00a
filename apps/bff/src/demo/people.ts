/** The demo organisation's domain; every other address uses the reserved example domains (RFC 2606). */
export const DEMO_DOMAIN = 'colibri.test';

export interface Person {
  name: string;
  email: string;
}

/** The three demo users, who log in with the demo password. */
export const USERS = {
  alice: { name: 'Alice Durand', email: `alice@${DEMO_DOMAIN}` },
  bob: { name: 'Bob Martin', email: `bob@${DEMO_DOMAIN}` },
  carol: { name: 'Carol Nguyen', email: `carol@${DEMO_DOMAIN}` },
} as const satisfies Record<string, Person>;

export type UserKey = keyof typeof USERS;
export const USER_KEYS = Object.keys(USERS) as UserKey[];

/**
 * The demo organisation's meeting rooms, invited like people: Azur books itself when free,
 * the Boardroom waits for Alice's approval (she sees its calendar, shared with her).
 */
export const ROOMS = [
  { name: 'Salle Azur', email: `salle.azur@${DEMO_DOMAIN}`, policy: 'auto', approver: null },
  { name: 'Boardroom', email: `boardroom@${DEMO_DOMAIN}`, policy: 'approval', approver: 'alice' },
] as const satisfies readonly (Person & { policy: 'auto' | 'approval'; approver: UserKey | null })[];

/** People and services outside the organisation who write to the demo users. */
export const CONTACTS = {
  dora: { name: 'Dora Keller', email: 'dora.keller@northwind.example.com' },
  eitan: { name: 'Eitan Levi', email: 'eitan@example.org' },
  fatima: { name: 'Fatima Zahra', email: 'fatima@studio.example.net' },
  jules: { name: 'Jules Moreau', email: 'jules.moreau@example.org' },
  hannah: { name: 'Hannah Schmidt', email: 'hannah.schmidt@example.net' },
  martine: { name: 'Martine Durand', email: 'martine.durand@example.net' },
  idris: { name: 'Idris Okafor', email: 'idris.okafor@example.com' },
  agent: { name: 'Lena at Homes & Co', email: 'lena@homes.example.com' },
  ci: { name: 'Colibri CI', email: 'ci@builds.example.com' },
  forge: { name: 'Forge', email: 'notifications@forge.example.com' },
  cloud: { name: 'Nimbus Cloud Billing', email: 'billing@nimbus.example.com' },
  books: { name: 'Paperleaf Books', email: 'orders@paperleaf.example.org' },
  rail: { name: 'Rail Tickets', email: 'tickets@rail.example.net' },
  weekly: { name: 'The Open Mail Weekly', email: 'weekly@openmail.example.org' },
  hikers: { name: 'Hummingbird Hikers', email: 'club@hikers.example.net' },
  privacy: { name: 'Privacy Digest', email: 'digest@privacy.example.com' },
  phisher: { name: 'Mailbox Support', email: 'support@mailbox-verify.example.net' },
  lottery: { name: 'International Prize Office', email: 'winner@prize-office.example.com' },
  pharmacy: { name: 'Best Deals', email: 'deals@cheap-offers.example.net' },
  parcel: { name: 'Parcel Service', email: 'no-reply@parcel-track.example.org' },
} as const satisfies Record<string, Person>;

export type ContactKey = keyof typeof CONTACTS;
export type PersonKey = UserKey | ContactKey;

export function person(key: PersonKey): Person {
  return key in USERS ? USERS[key as UserKey] : CONTACTS[key as ContactKey];
}

export function isUser(key: PersonKey): key is UserKey {
  return key in USERS;
}
