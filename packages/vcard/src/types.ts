/**
 * JSContact (RFC 9553) objects, and the RFC 9555 `vCard` member that carries what JSContact has
 * no property for. Every name and value is the RFC's; unknown members are kept as they are.
 */

/** RFC 9553 Id. */
export type Id = string;
/** RFC 9553 UTCDateTime (`YYYY-MM-DDThh:mm:ssZ`). */
export type UTCDateTime = string;
export type Contexts = Record<string, boolean>;

/** RFC 9553 kind. */
export type CardKind = 'individual' | 'group' | 'org' | 'location' | 'device' | 'application' | string;

/** RFC 9553 NameComponent. */
export interface NameComponent {
  '@type'?: 'NameComponent';
  kind:
    | 'title'
    | 'given'
    | 'given2'
    | 'surname'
    | 'surname2'
    | 'credential'
    | 'generation'
    | 'separator'
    | string;
  value: string;
  phonetic?: string;
}
/** RFC 9553 Name. */
export interface Name {
  '@type'?: 'Name';
  components?: NameComponent[];
  isOrdered?: boolean;
  defaultSeparator?: string;
  full?: string;
  sortAs?: Record<string, string>;
  phoneticScript?: string;
  phoneticSystem?: string;
}
export interface Nickname {
  '@type'?: 'Nickname';
  name: string;
  contexts?: Contexts;
  pref?: number;
}
export interface OrgUnit {
  '@type'?: 'OrgUnit';
  name: string;
  sortAs?: string;
}
export interface Organization {
  '@type'?: 'Organization';
  name?: string;
  units?: OrgUnit[];
  sortAs?: string;
  contexts?: Contexts;
}
export interface Title {
  '@type'?: 'Title';
  name: string;
  kind?: 'title' | 'role';
  organizationId?: Id;
}
export interface EmailAddress {
  '@type'?: 'EmailAddress';
  address: string;
  contexts?: Contexts;
  pref?: number;
  label?: string;
}
export interface Phone {
  '@type'?: 'Phone';
  number: string;
  features?: Record<string, boolean>;
  contexts?: Contexts;
  pref?: number;
  label?: string;
}
export interface OnlineService {
  '@type'?: 'OnlineService';
  service?: string;
  uri?: string;
  user?: string;
  contexts?: Contexts;
  pref?: number;
  label?: string;
}
export interface LanguagePref {
  '@type'?: 'LanguagePref';
  language: string;
  contexts?: Contexts;
  pref?: number;
}
/** RFC 9553 AddressComponent. */
export interface AddressComponent {
  '@type'?: 'AddressComponent';
  kind: string;
  value: string;
  phonetic?: string;
}
export interface Address {
  '@type'?: 'Address';
  components?: AddressComponent[];
  isOrdered?: boolean;
  countryCode?: string;
  coordinates?: string;
  timeZone?: string;
  contexts?: Contexts;
  full?: string;
  defaultSeparator?: string;
  pref?: number;
  phoneticScript?: string;
  phoneticSystem?: string;
}
/** RFC 9553 PartialDate and Timestamp. */
export interface PartialDate {
  '@type'?: 'PartialDate';
  year?: number;
  month?: number;
  day?: number;
  calendarScale?: string;
}
export interface Timestamp {
  '@type': 'Timestamp';
  utc: UTCDateTime;
}
export interface Anniversary {
  '@type'?: 'Anniversary';
  kind: 'birth' | 'death' | 'wedding' | string;
  date: PartialDate | Timestamp;
  place?: Address;
}
export interface Author {
  '@type'?: 'Author';
  name?: string;
  uri?: string;
}
export interface Note {
  '@type'?: 'Note';
  note: string;
  created?: UTCDateTime;
  author?: Author;
}
/** RFC 9553 Resource, shared by media, links, directories, calendars, cryptoKeys. */
export interface Resource {
  '@type'?: string;
  kind?: string;
  uri: string;
  mediaType?: string;
  contexts?: Contexts;
  pref?: number;
  label?: string;
  listAs?: number;
}
export interface Relation {
  '@type'?: 'Relation';
  relation?: Record<string, boolean>;
}
export interface Pronouns {
  '@type'?: 'Pronouns';
  pronouns: string;
  contexts?: Contexts;
  pref?: number;
}
export interface SpeakToAs {
  '@type'?: 'SpeakToAs';
  grammaticalGender?: string;
  pronouns?: Record<Id, Pronouns>;
}
export interface PersonalInfo {
  '@type'?: 'PersonalInfo';
  kind: 'expertise' | 'hobby' | 'interest' | string;
  value: string;
  level?: 'high' | 'medium' | 'low' | string;
  listAs?: number;
  label?: string;
}
export interface SchedulingAddress {
  '@type'?: 'SchedulingAddress';
  uri: string;
  contexts?: Contexts;
  pref?: number;
  label?: string;
}

/** RFC 7095 jCard property: name, parameters (with `group`), value type, values. */
export type JCardProp = [
  name: string,
  params: Record<string, string | string[]>,
  type: string,
  ...values: unknown[],
];

/** RFC 9555 VCardProp: how a converted vCard property differs from the default mapping. */
export interface VCardProp {
  name?: string;
  parameters?: Record<string, string | string[]>;
}
/** RFC 9555 the `vCard` member: converted properties' extras, and unconverted properties. */
export interface VCardExtension {
  convertedProperties?: Record<string, VCardProp>;
  properties?: JCardProp[];
}

/** RFC 9553 Card. Members not listed here are kept as they are (vendor extensions). */
export interface Card {
  '@type': 'Card';
  version: string;
  /**
   * RFC 9553 requires it; a vCard without UID converts to a card without one, and the
   * store assigns it.
   */
  uid?: string;
  kind?: CardKind;
  created?: UTCDateTime;
  updated?: UTCDateTime;
  prodId?: string;
  language?: string;
  members?: Record<string, boolean>;
  relatedTo?: Record<string, Relation>;
  name?: Name;
  nicknames?: Record<Id, Nickname>;
  organizations?: Record<Id, Organization>;
  speakToAs?: SpeakToAs;
  titles?: Record<Id, Title>;
  emails?: Record<Id, EmailAddress>;
  onlineServices?: Record<Id, OnlineService>;
  phones?: Record<Id, Phone>;
  preferredLanguages?: Record<Id, LanguagePref>;
  calendars?: Record<Id, Resource>;
  schedulingAddresses?: Record<Id, SchedulingAddress>;
  addresses?: Record<Id, Address>;
  cryptoKeys?: Record<Id, Resource>;
  directories?: Record<Id, Resource>;
  links?: Record<Id, Resource>;
  media?: Record<Id, Resource>;
  localizations?: Record<string, Record<string, unknown>>;
  anniversaries?: Record<Id, Anniversary>;
  keywords?: Record<string, boolean>;
  notes?: Record<Id, Note>;
  personalInfo?: Record<Id, PersonalInfo>;
  vCard?: VCardExtension;
  [extension: string]: unknown;
}

/** Expected failures are values (house style); `reason` is for people, `code` for programs. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: VCardError };
export interface VCardError {
  code:
    | 'too-large'
    | 'too-many-cards'
    | 'too-many-properties'
    | 'line-too-long'
    | 'syntax'
    | 'unterminated'
    | 'no-card'
    | 'bad-value';
  reason: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: VCardError['code'], reason: string): Result<never> => ({
  ok: false,
  error: { code, reason },
});
