import type { CommandNode, SyntaxArgument, SyntaxCommand, SyntaxTest, TestNode, Value } from './ast.js';
import { checkArguments } from './argument-checks.js';
import { decodeEncodedCharacters } from './encoded-character.js';
import { errorAt } from './position.js';
import { COMMANDS, TESTS } from './signatures.js';
import type { ArgumentType, Signature } from './signatures.js';
import type { SieveError } from './types.js';

export interface ValidationResult {
  requires: string[];
  commands: CommandNode[];
  errors: SieveError[];
}

const TYPE_NAMES: Record<ArgumentType, string> = {
  string: 'a string',
  'string-list': 'a string list',
  number: 'a number',
};

// RFC 5228 §2.7.3: these two are always there; requiring them is allowed and changes nothing.
const BUILT_IN_COMPARATORS = ['comparator-i;octet', 'comparator-i;ascii-casemap'];

function accepts(type: ArgumentType, argument: SyntaxArgument): boolean {
  if (type === 'number') return argument.kind === 'number';
  if (type === 'string') return argument.kind === 'string';
  return argument.kind === 'string' || argument.kind === 'list';
}

/** Checks the syntax tree against the signatures and the `require`d extensions (RFC 5228 §2.10.5, §3.2). */
export function validate(syntax: readonly SyntaxCommand[], allowed: readonly string[]): ValidationResult {
  const errors: SieveError[] = [];
  const requires: string[] = [];
  const report = (at: { position: { line: number; column: number } }, message: string): void => {
    errors.push(errorAt(at.position, message));
  };

  // RFC 5228 §3.2: require only at the top, before every other command.
  let seenOther = false;
  for (const command of syntax) {
    if (command.name !== 'require') {
      seenOther = true;
      continue;
    }
    if (seenOther) report(command, '"require" must come before any other command');
    const list = command.arguments[0];
    if (command.arguments.length !== 1 || list === undefined || list.kind === 'tag' || list.kind === 'number')
      continue;
    for (const name of list.kind === 'string' ? [list.value] : list.values) {
      // RFC 5228 §6: capability strings are case-sensitive.
      const extension = name;
      if (BUILT_IN_COMPARATORS.includes(extension)) continue;
      if (!allowed.includes(extension)) report(list, `unsupported extension "${name}"`);
      else if (!requires.includes(extension)) requires.push(extension);
    }
  }
  // RFC 6131 §2: "vacation-seconds" implies "vacation".
  const has = (extension: string): boolean =>
    requires.includes(extension) || (extension === 'vacation' && requires.includes('vacation-seconds'));
  const needs = (
    at: { position: { line: number; column: number } },
    extension: string | undefined,
    what: string,
  ): void => {
    if (extension !== undefined && !has(extension)) report(at, `${what} needs require "${extension}"`);
  };

  const decode = (argument: SyntaxArgument, text: string): string => {
    if (!has('encoded-character')) return text;
    const decoded = decodeEncodedCharacters(text);
    if (decoded.ok) return decoded.value;
    report(argument, decoded.message);
    return text;
  };
  const toValue = (argument: SyntaxArgument): Value => {
    if (argument.kind === 'number') return argument;
    if (argument.kind === 'string') return { ...argument, value: decode(argument, argument.value) };
    if (argument.kind === 'list')
      return { ...argument, values: argument.values.map((text) => decode(argument, text)) };
    throw new Error('a tag is no value');
  };

  // RFC 5228 §2.6.2: tagged arguments first, then positional ones, each checked against the signature.
  const resolve = (node: SyntaxTest, signature: Signature, what: string): TestNode => {
    const tags = new Map<string, Value | true>();
    const groups = new Map<string, string>();
    const args: Value[] = [];
    const list = node.arguments;
    for (let i = 0; i < list.length; i++) {
      const argument = list[i];
      if (argument === undefined) break;
      if (argument.kind !== 'tag') {
        args.push(toValue(argument));
        continue;
      }
      if (args.length > 0)
        report(argument, `tag ":${argument.name}" must come before the positional arguments of ${what}`);
      const tag = signature.tags[argument.name];
      if (tag === undefined) {
        report(argument, `unknown tag ":${argument.name}" for ${what}`);
        continue;
      }
      needs(argument, tag.extension, `tag ":${argument.name}"`);
      if (tags.has(argument.name)) report(argument, `duplicate tag ":${argument.name}" in ${what}`);
      if (tag.group !== undefined) {
        const other = groups.get(tag.group);
        if (other !== undefined && other !== argument.name)
          report(argument, `tag ":${argument.name}" cannot be used with ":${other}" in ${what}`);
        groups.set(tag.group, argument.name);
      }
      let value: Value | true = true;
      if (tag.value !== undefined) {
        const next = list[i + 1];
        if (next === undefined || !accepts(tag.value, next)) {
          report(argument, `tag ":${argument.name}" needs ${TYPE_NAMES[tag.value]} after it`);
          continue;
        }
        value = toValue(next);
        i += 1;
      }
      tags.set(argument.name, value);
    }
    for (const group of signature.requiredGroups ?? []) {
      if (!groups.has(group))
        report(
          node,
          `${what} needs one of ${Object.keys(signature.tags)
            .map((t) => `:${t}`)
            .join(' or ')}`,
        );
    }
    let expected = signature.positional;
    const optional = signature.optionalLeading ?? 0;
    if (args.length < expected.length && args.length >= expected.length - optional)
      expected = expected.slice(expected.length - args.length);
    if (args.length !== expected.length) {
      const most = signature.positional.length;
      const count = optional === 0 ? `${most}` : `${most - optional} to ${most}`;
      report(node, `${what} expects ${count} positional argument(s), found ${args.length}`);
    } else {
      expected.forEach((type, k) => {
        const argument = args[k];
        if (argument !== undefined && !accepts(type, argument))
          report(argument, `argument ${k + 1} of ${what} must be ${TYPE_NAMES[type]}`);
      });
    }
    const tests = node.tests.map(resolveTest);
    if (signature.tests === undefined && node.tests.length > 0) report(node, `${what} takes no test`);
    if (signature.tests === 'one' && (node.tests.length !== 1 || node.testList))
      report(node, `${what} needs exactly one test`);
    if (signature.tests === 'list' && !node.testList)
      report(node, `${what} needs a test list in parentheses`);
    const resolved: TestNode = { name: node.name, position: node.position, tags, args, tests };
    for (const problem of checkArguments(resolved, has))
      errors.push(errorAt(problem.position ?? node.position, problem.message));
    return resolved;
  };

  const resolveTest = (test: SyntaxTest): TestNode => {
    const signature = TESTS[test.name];
    if (signature === undefined) {
      report(
        test,
        COMMANDS[test.name] ? `"${test.name}" is a command, not a test` : `unknown test "${test.name}"`,
      );
      return {
        name: test.name,
        position: test.position,
        tags: new Map(),
        args: [],
        tests: test.tests.map(resolveTest),
      };
    }
    needs(test, signature.extension, `test "${test.name}"`);
    return resolve(test, signature, `test "${test.name}"`);
  };

  const resolveCommands = (commands: readonly SyntaxCommand[], topLevel: boolean): CommandNode[] => {
    const out: CommandNode[] = [];
    let open: Extract<CommandNode, { kind: 'if' }> | null = null;
    for (const command of commands) {
      const signature = COMMANDS[command.name];
      if (signature === undefined) {
        report(
          command,
          TESTS[command.name]
            ? `"${command.name}" is a test, not a command`
            : `unknown command "${command.name}"`,
        );
        // Still look inside, so that one unknown name does not hide the errors of its block.
        command.tests.forEach(resolveTest);
        if (command.block !== null) resolveCommands(command.block, false);
        open = null;
        continue;
      }
      needs(command, signature.extension, `command "${command.name}"`);
      const node = resolve(command, signature, `command "${command.name}"`);
      if (signature.block === true && command.block === null)
        report(command, `"${command.name}" needs a block`);
      if (signature.block !== true && command.block !== null)
        report(command, `"${command.name}" takes no block`);
      const block = command.block === null ? [] : resolveCommands(command.block, false);
      if (command.name === 'require') {
        if (!topLevel) report(command, '"require" is only allowed at the top level');
        continue;
      }
      const test = node.tests[0] ?? {
        name: 'false',
        position: command.position,
        tags: new Map(),
        args: [],
        tests: [],
      };
      if (command.name === 'if') {
        open = {
          kind: 'if',
          name: 'if',
          position: command.position,
          branches: [{ test, block }],
          otherwise: null,
        };
        out.push(open);
        continue;
      }
      if (command.name === 'elsif' || command.name === 'else') {
        if (open === null) report(command, `"${command.name}" without a preceding "if"`);
        else if (command.name === 'elsif') open.branches.push({ test, block });
        else open.otherwise = block;
        if (command.name === 'else') open = null;
        continue;
      }
      open = null;
      out.push({ kind: 'simple', ...node });
    }
    return out;
  };

  return { requires, commands: resolveCommands(syntax, true), errors };
}
