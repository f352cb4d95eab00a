import { validMailbox } from './address-list.js';
import type { TestNode, Value } from './ast.js';
import { DATE_PARTS, parseZone } from './date-parts.js';
import { COMPARATORS, RELATIONS } from './match.js';
import type { Relation } from './match.js';
import type { Position } from './position.js';

/** A problem found in the values of one command or test. */
export interface ArgumentProblem {
  position?: Position;
  message: string;
}

/** RFC 5322 §3.6.8 field-name: printable ASCII except ":". */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
/** RFC 5229 §3 variable-name (identifier); match variables (digits) cannot be set. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function stringsOf(value: Value | true | undefined): string[] {
  if (value === undefined || value === true || value.kind === 'number') return [];
  return value.kind === 'string' ? [value.value] : value.values;
}

/**
 * The checks that need the values, not only their types. `has` tells whether an extension is
 * required; with variables, a string holding "${" is only known at run time and is skipped.
 */
export function checkArguments(node: TestNode, has: (extension: string) => boolean): ArgumentProblem[] {
  const problems: ArgumentProblem[] = [];
  const report = (message: string, at?: Value | true): void => {
    problems.push(at === undefined || at === true ? { message } : { message, position: at.position });
  };
  const literal = (text: string): boolean => !(has('variables') && text.includes('${'));
  const each = (value: Value | true | undefined, check: (text: string) => string | null): void => {
    for (const text of stringsOf(value)) {
      const message = literal(text) ? check(text) : null;
      if (message !== null) report(message, value);
    }
  };
  const what = `"${node.name}"`;

  // RFC 5228 §2.7.3 comparators; RFC 4790 §9.1 i;ascii-numeric has no substring match.
  const comparatorValue = node.tags.get('comparator');
  for (const name of stringsOf(comparatorValue)) {
    const comparator = COMPARATORS[name.toLowerCase()];
    if (comparator === undefined) report(`unknown comparator "${name}" in ${what}`, comparatorValue);
    else if (comparator.name === 'i;ascii-numeric' && !has('comparator-i;ascii-numeric'))
      report(`comparator "i;ascii-numeric" needs require "comparator-i;ascii-numeric"`, comparatorValue);
    else if (!comparator.substring && (node.tags.has('contains') || node.tags.has('matches')))
      report(`comparator "${comparator.name}" does not support :contains or :matches`, comparatorValue);
  }
  // RFC 5231 §5 relational operators.
  for (const tag of ['count', 'value']) {
    const value = node.tags.get(tag);
    for (const relation of stringsOf(value)) {
      if (!RELATIONS.includes(relation.toLowerCase() as Relation))
        report(`unknown relational operator "${relation}" for :${tag} (use gt, ge, lt, le, eq or ne)`, value);
    }
  }
  // RFC 5260 §6: :index counts from 1; :last only qualifies :index.
  const index = node.tags.get('index');
  if (index !== undefined && index !== true && index.kind === 'number' && index.value < 1)
    report(':index must be 1 or more', index);
  if (node.tags.has('last') && index === undefined) report(':last needs :index');

  const fieldName = (text: string): string | null =>
    FIELD_NAME.test(text) ? null : `invalid header name "${text}" in ${what}`;
  const variableName = (text: string): string | null =>
    VARIABLE_NAME.test(text) ? null : `invalid variable name "${text}" in ${what}`;
  const [first, second] = node.args;
  switch (node.name) {
    case 'header':
    case 'address':
    case 'exists':
    case 'date':
      each(first, fieldName);
      break;
    case 'envelope':
      // RFC 5228 §5.4: "from" and "to" are the envelope parts this server knows.
      each(first, (text) =>
        ['from', 'to'].includes(text.toLowerCase()) ? null : `unknown envelope part "${text}"`,
      );
      break;
    case 'redirect':
      each(first, (text) => (validMailbox(text) === null ? `invalid redirect address "${text}"` : null));
      break;
    case 'set':
      each(first, variableName);
      break;
    // RFC 5230 §4.3, §4.5: :from and :addresses hold addresses.
    case 'vacation': {
      // RFC 6131 §2: 0 ≤ :seconds < 2^31 (smaller and larger periods are then clamped).
      const seconds = node.tags.get('seconds');
      if (seconds !== undefined && seconds !== true && seconds.kind === 'number' && seconds.value >= 2 ** 31)
        report(':seconds must be less than 2^31', seconds);
      each(node.tags.get('from'), (text) =>
        validMailbox(text) === null ? `invalid :from address "${text}"` : null,
      );
      each(node.tags.get('addresses'), (text) =>
        validMailbox(text) === null ? `invalid address "${text}" in :addresses` : null,
      );
      break;
    }
    case 'setflag':
    case 'addflag':
    case 'removeflag':
    case 'hasflag':
      // RFC 5232 §3: the variable-name form exists only with the variables extension.
      if (node.args.length === 2) {
        if (!has('variables')) report(`the variable name of ${what} needs require "variables"`);
        each(first, variableName);
      }
      break;
  }
  const datePart = node.name === 'date' ? second : node.name === 'currentdate' ? first : undefined;
  each(datePart, (text) =>
    DATE_PARTS.includes(text.toLowerCase() as (typeof DATE_PARTS)[number])
      ? null
      : `unknown date-part "${text}"`,
  );
  each(node.tags.get('zone'), (text) =>
    parseZone(text) === null ? `invalid :zone "${text}" (use +hhmm or -hhmm)` : null,
  );
  return problems;
}
