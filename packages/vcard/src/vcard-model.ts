/**
 * Tables of the RFC 9555 mapping shared by both directions: structured components of N and ADR
 * (RFC 6350 §6.2.2/§6.3.1 as extended by RFC 9554/§2.3), TEL features, TYPE contexts.
 */

/** N components by position (RFC 9554: surname2 and generation were added). */
export const N_KINDS = [
  'surname',
  'given',
  'given2',
  'title',
  'credential',
  'surname2',
  'generation',
] as const;

/** ADR components by position (RFC 9554 adds 7..17). 1 and 2 are the RFC 6350 ext and street. */
export const ADR_KINDS = [
  'postOfficeBox',
  'apartment',
  'name',
  'locality',
  'region',
  'postcode',
  'country',
  'room',
  'apartment',
  'floor',
  'number',
  'name',
  'building',
  'block',
  'subdistrict',
  'district',
  'landmark',
  'direction',
] as const;

/** Where each address component kind is written in a 4.0 ADR (RFC 9554 positions). */
export const ADR_POSITION: Record<string, number> = {
  postOfficeBox: 0,
  locality: 3,
  region: 4,
  postcode: 5,
  country: 6,
  room: 7,
  apartment: 8,
  floor: 9,
  number: 10,
  name: 11,
  building: 12,
  block: 13,
  subdistrict: 14,
  district: 15,
  landmark: 16,
  direction: 17,
};
export const N_POSITION: Record<string, number> = {
  surname: 0,
  given: 1,
  given2: 2,
  title: 3,
  credential: 4,
  surname2: 5,
  generation: 6,
};

/** RFC 9555 TEL TYPE values that are Phone features (cell is "mobile"). */
export const TEL_FEATURES: Record<string, string> = {
  voice: 'voice',
  fax: 'fax',
  cell: 'mobile',
  video: 'video',
  pager: 'pager',
  textphone: 'textphone',
  text: 'text',
  'main-number': 'main-number',
};
export const FEATURE_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(TEL_FEATURES).map(([k, v]) => [v, k]),
);

/** RFC 9555: TYPE=home is the "private" context, TYPE=work is "work". */
export const TYPE_CONTEXTS: Record<string, string> = {
  home: 'private',
  work: 'work',
  billing: 'billing',
  delivery: 'delivery',
};
export const CONTEXT_TYPES: Record<string, string> = {
  private: 'home',
  work: 'work',
  billing: 'billing',
  delivery: 'delivery',
};

/** Properties whose value is structured (`;` components); their jCard values are arrays. */
export const STRUCTURED = new Set(['n', 'adr', 'org', 'gender', 'clientpidmap']);
