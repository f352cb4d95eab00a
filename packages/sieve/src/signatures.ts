/**
 * What each command and test accepts (RFC 5228 §2.6, §3–5 and each extension's syntax), as data:
 * the validator checks scripts against these tables.
 */

export type ArgumentType = 'string' | 'string-list' | 'number';

export interface TagSignature {
  /** The `require` this tag needs, when it comes from an extension. */
  extension?: string;
  /** The argument that follows the tag, if any. */
  value?: ArgumentType;
  /** Tags of one group exclude each other (e.g. two match types, RFC 5228 §2.7.1). */
  group?: string;
}

export interface Signature {
  extension?: string;
  tags: Readonly<Record<string, TagSignature>>;
  positional: readonly ArgumentType[];
  /** How many leading positional arguments may be left out (imap4flags' variable name). */
  optionalLeading?: number;
  /** Groups of which one tag must be present (`size :over/:under`). */
  requiredGroups?: readonly string[];
  /** `one`: a single test (if, not); `list`: a parenthesized test-list (allof, anyof). */
  tests?: 'one' | 'list';
  /** Whether the command takes a block (if/elsif/else). */
  block?: boolean;
}

// RFC 5228 §2.7.3 comparator and §2.7.1 match types; RFC 5231 adds :count and :value.
const COMPARATOR: Record<string, TagSignature> = { comparator: { value: 'string', group: 'comparator' } };
const MATCH_TYPE: Record<string, TagSignature> = {
  is: { group: 'match-type' },
  contains: { group: 'match-type' },
  matches: { group: 'match-type' },
  count: { group: 'match-type', value: 'string', extension: 'relational' },
  value: { group: 'match-type', value: 'string', extension: 'relational' },
};
// RFC 5228 §2.7.4; RFC 5233 §4 adds :user and :detail.
const ADDRESS_PART: Record<string, TagSignature> = {
  all: { group: 'address-part' },
  localpart: { group: 'address-part' },
  domain: { group: 'address-part' },
  user: { group: 'address-part', extension: 'subaddress' },
  detail: { group: 'address-part', extension: 'subaddress' },
};
// RFC 5260 §6.
const INDEX: Record<string, TagSignature> = {
  index: { value: 'number', extension: 'index' },
  last: { extension: 'index' },
};
const MATCHING = { ...COMPARATOR, ...MATCH_TYPE };
const KEYED: readonly ArgumentType[] = ['string-list', 'string-list'];
const FLAGS: Record<string, TagSignature> = { flags: { value: 'string-list', extension: 'imap4flags' } };
const FLAG_COMMAND: Signature = {
  extension: 'imap4flags',
  tags: {},
  positional: ['string', 'string-list'],
  optionalLeading: 1,
};

export const COMMANDS: Readonly<Record<string, Signature>> = {
  require: { tags: {}, positional: ['string-list'] },
  if: { tags: {}, positional: [], tests: 'one', block: true },
  elsif: { tags: {}, positional: [], tests: 'one', block: true },
  else: { tags: {}, positional: [], block: true },
  stop: { tags: {}, positional: [] },
  keep: { tags: FLAGS, positional: [] },
  discard: { tags: {}, positional: [] },
  redirect: { tags: { copy: { extension: 'copy' } }, positional: ['string'] },
  fileinto: {
    extension: 'fileinto',
    tags: {
      ...FLAGS,
      copy: { extension: 'copy' },
      create: { extension: 'mailbox' },
      mailboxid: { value: 'string', extension: 'mailboxid' },
    },
    positional: ['string'],
  },
  reject: { extension: 'reject', tags: {}, positional: ['string'] },
  ereject: { extension: 'ereject', tags: {}, positional: ['string'] },
  vacation: {
    extension: 'vacation',
    tags: {
      days: { value: 'number', group: 'period' },
      seconds: { value: 'number', group: 'period', extension: 'vacation-seconds' },
      subject: { value: 'string' },
      from: { value: 'string' },
      addresses: { value: 'string-list' },
      mime: {},
      handle: { value: 'string' },
    },
    positional: ['string'],
  },
  // RFC 5229 §4: modifiers of one precedence exclude each other.
  set: {
    extension: 'variables',
    tags: {
      lower: { group: 'case' },
      upper: { group: 'case' },
      lowerfirst: { group: 'first' },
      upperfirst: { group: 'first' },
      quotewildcard: {},
      length: {},
    },
    positional: ['string', 'string'],
  },
  setflag: FLAG_COMMAND,
  addflag: FLAG_COMMAND,
  removeflag: FLAG_COMMAND,
};

export const TESTS: Readonly<Record<string, Signature>> = {
  address: { tags: { ...MATCHING, ...ADDRESS_PART, ...INDEX }, positional: KEYED },
  envelope: { extension: 'envelope', tags: { ...MATCHING, ...ADDRESS_PART }, positional: KEYED },
  header: { tags: { ...MATCHING, ...INDEX }, positional: KEYED },
  exists: { tags: {}, positional: ['string-list'] },
  size: {
    tags: { over: { value: 'number', group: 'size' }, under: { value: 'number', group: 'size' } },
    positional: [],
    requiredGroups: ['size'],
  },
  allof: { tags: {}, positional: [], tests: 'list' },
  anyof: { tags: {}, positional: [], tests: 'list' },
  not: { tags: {}, positional: [], tests: 'one' },
  true: { tags: {}, positional: [] },
  false: { tags: {}, positional: [] },
  string: { extension: 'variables', tags: MATCHING, positional: KEYED },
  hasflag: { extension: 'imap4flags', tags: MATCHING, positional: KEYED, optionalLeading: 1 },
  body: {
    extension: 'body',
    tags: {
      ...MATCHING,
      raw: { group: 'transform' },
      text: { group: 'transform' },
      content: { value: 'string-list', group: 'transform' },
    },
    positional: ['string-list'],
  },
  mailboxexists: { extension: 'mailbox', tags: {}, positional: ['string-list'] },
  mailboxidexists: { extension: 'mailboxid', tags: {}, positional: ['string-list'] },
  date: {
    extension: 'date',
    tags: {
      ...MATCHING,
      ...INDEX,
      zone: { value: 'string', group: 'zone' },
      originalzone: { group: 'zone' },
    },
    positional: ['string', 'string', 'string-list'],
  },
  currentdate: {
    extension: 'date',
    tags: { ...MATCHING, zone: { value: 'string', group: 'zone' } },
    positional: ['string', 'string-list'],
  },
};
