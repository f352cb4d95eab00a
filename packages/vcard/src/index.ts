export type {
  Address,
  AddressComponent,
  Anniversary,
  Author,
  Card,
  CardKind,
  Contexts,
  EmailAddress,
  Id,
  JCardProp,
  LanguagePref,
  Name,
  NameComponent,
  Nickname,
  Note,
  OnlineService,
  Organization,
  OrgUnit,
  PartialDate,
  PersonalInfo,
  Phone,
  Pronouns,
  Relation,
  Resource,
  Result,
  SchedulingAddress,
  SpeakToAs,
  Timestamp,
  Title,
  UTCDateTime,
  VCardError,
  VCardExtension,
  VCardProp,
} from './types.js';
export type { VCardProperty } from './content-line.js';
export { parseContentLine } from './content-line.js';
export type { ReadItem, ReadLimits, VCardObject } from './read-vcards.js';
export { READ_LIMITS, readVCardObjects } from './read-vcards.js';
export { vcardObjectToCard } from './from-vcard.js';
export type { ImportedCard } from './import.js';
export { importVCards, vcardToJSContact } from './import.js';
export type { WriteOptions } from './to-vcard.js';
export { cardToVCard, jscontactToVCard } from './to-vcard.js';
