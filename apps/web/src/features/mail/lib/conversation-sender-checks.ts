/** RFC 8601 results Colibri shows; anything else (e.g. "policy") is kept as its text. */
export type AuthMethod = 'dkim' | 'spf' | 'dmarc';
export type AuthResultValue =
  'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy';

export interface SenderAuthentication {
  /** The server that checked (authserv-id, RFC 8601 §2.2). */
  authServId: string;
  /** One result per method; with several DKIM signatures, a pass wins (one valid signature suffices). */
  results: Partial<Record<AuthMethod, AuthResultValue>>;
}

const METHODS: readonly AuthMethod[] = ['dkim', 'spf', 'dmarc'];
const VALUES = new Set<string>([
  'pass',
  'fail',
  'softfail',
  'neutral',
  'none',
  'temperror',
  'permerror',
  'policy',
]);

/** RFC 5322 comments: "(…)", nested, with backslash escapes. */
function stripComments(value: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && depth > 0) {
      i += 1;
      continue;
    }
    if (c === '(') depth += 1;
    else if (c === ')' && depth > 0) depth -= 1;
    else if (depth === 0) out += c;
  }
  return out;
}

/**
 * Parses one Authentication-Results field value (RFC 8601 §2.2):
 * `authserv-id [version]; method=result props; …`. Returns null for an empty or malformed value.
 * Never throws: the field comes from the network (the server removes forged copies that claim its
 * own authserv-id, RFC 8601 §5, and prepends its own).
 */
export function parseAuthenticationResults(value: string | null | undefined): SenderAuthentication | null {
  if (!value) return null;
  const [head, ...resinfos] = stripComments(value.replace(/\r?\n[ \t]*/g, ' ')).split(';');
  const authServId = head?.trim().split(/\s+/)[0] ?? '';
  if (!authServId) return null;
  const results: SenderAuthentication['results'] = {};
  for (const resinfo of resinfos) {
    const match = /^\s*([a-z0-9-]+)\s*=\s*([a-z]+)/i.exec(resinfo);
    if (!match) continue;
    const method = match[1]!.toLowerCase() as AuthMethod;
    const result = match[2]!.toLowerCase();
    if (!METHODS.includes(method) || !VALUES.has(result)) continue;
    const previous = results[method];
    if (previous === 'pass') continue;
    results[method] = result as AuthResultValue;
  }
  return { authServId, results };
}

/** How the result reads to a user: passed, failed, or not checkable. */
export function authVerdict(value: AuthResultValue | undefined): 'pass' | 'fail' | 'neutral' {
  if (value === 'pass') return 'pass';
  if (value === 'fail' || value === 'softfail' || value === 'permerror') return 'fail';
  return 'neutral';
}

export type LookalikeReason =
  /** The domain has a punycode label (xn--): it may imitate another domain with other letters. */
  | { kind: 'punycode'; domain: string }
  /** A label mixes letters of several scripts (Latin and Cyrillic, …). */
  | { kind: 'mixed-script'; domain: string }
  /** The display name shows an address that is not the sender's. */
  | { kind: 'name-shows-other-address'; shown: string; actual: string };

const SCRIPTS: readonly [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['cherokee', /\p{Script=Cherokee}/u],
  ['han', /\p{Script=Han}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
];

function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const char of label) for (const [name, pattern] of SCRIPTS) if (pattern.test(char)) found.add(name);
  return found;
}

const EMBEDDED_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

/**
 * Signs that a sender imitates another: a punycode or mixed-script domain, or a display name
 * that shows another address ("service@bank.example" <x@evil.example>). Pure and total: any
 * string in, a list out.
 */
export function lookalikeReasons(sender: { name: string | null; email: string }): LookalikeReason[] {
  const reasons: LookalikeReason[] = [];
  const email = sender.email.trim().toLowerCase();
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (domain && email.includes('@')) {
    const labels = domain.split('.');
    if (labels.some((label) => label.startsWith('xn--'))) reasons.push({ kind: 'punycode', domain });
    else if (labels.some((label) => scriptsOf(label).size > 1))
      reasons.push({ kind: 'mixed-script', domain });
  }
  const shown = sender.name ? EMBEDDED_ADDRESS.exec(sender.name)?.[0]?.toLowerCase() : undefined;
  if (shown && shown !== email) reasons.push({ kind: 'name-shows-other-address', shown, actual: email });
  return reasons;
}
