import type { SyntaxArgument, SyntaxCommand, SyntaxTest } from './ast.js';
import type { Token } from './lexer.js';
import { errorAt } from './position.js';
import type { SieveError } from './types.js';

export interface GrammarResult {
  commands: SyntaxCommand[];
  errors: SieveError[];
}

/** A syntax error inside one command: caught at the command level to resynchronise. */
class SyntaxFailure extends Error {}
/** Nesting beyond the limit: parsing stops there, so that no script can exhaust the stack. */
class NestingFailure extends Error {}

function describe(token: Token): string {
  switch (token.kind) {
    case 'identifier':
      return `identifier "${token.name}"`;
    case 'tag':
      return `tag ":${token.name}"`;
    case 'number':
      return `number ${token.value}`;
    case 'string':
      return 'string';
    case 'punct':
      return `"${token.char}"`;
    case 'end':
      return 'end of script';
  }
}

/** Recursive-descent parser for RFC 5228 §8.2 (`start = commands`). */
export function parseGrammar(tokens: readonly Token[], maxNesting: number): GrammarResult {
  const errors: SieveError[] = [];
  let index = 0;
  const last = tokens[tokens.length - 1];
  if (last === undefined) throw new Error('token list without an end token');
  const peek = (): Token => tokens[index] ?? last;
  const next = (): Token => tokens[index++] ?? last;
  const isPunct = (token: Token, char: string): boolean => token.kind === 'punct' && token.char === char;

  const fail = (token: Token, message: string): never => {
    errors.push(errorAt(token.position, message));
    throw new SyntaxFailure(message);
  };
  const enter = (depth: number, token: Token): void => {
    if (depth > maxNesting) {
      errors.push(errorAt(token.position, `nesting deeper than ${maxNesting} levels`));
      throw new NestingFailure();
    }
  };

  // string-list = "[" string *("," string) "]" / string
  const parseList = (open: Token): SyntaxArgument => {
    const values: string[] = [];
    for (;;) {
      const item = next();
      if (item.kind !== 'string') return fail(item, `expected a string in the list, found ${describe(item)}`);
      values.push(item.value);
      const separator = next();
      if (isPunct(separator, ']')) return { kind: 'list', values, position: open.position };
      if (!isPunct(separator, ','))
        fail(separator, `expected "," or "]" in the string list, found ${describe(separator)}`);
    }
  };

  // arguments = *argument [ test / test-list ]
  const parseArguments = (node: SyntaxTest, depth: number): void => {
    for (;;) {
      const token = peek();
      if (token.kind === 'tag')
        node.arguments.push({ kind: 'tag', name: token.name, position: token.position });
      else if (token.kind === 'number')
        node.arguments.push({ kind: 'number', value: token.value, position: token.position });
      else if (token.kind === 'string')
        node.arguments.push({ kind: 'string', value: token.value, position: token.position });
      else if (isPunct(token, '[')) {
        next();
        node.arguments.push(parseList(token));
        continue;
      } else break;
      next();
    }
    const token = peek();
    if (token.kind === 'identifier') node.tests.push(parseTest(depth + 1));
    else if (isPunct(token, '(')) {
      next();
      node.testList = true;
      for (;;) {
        node.tests.push(parseTest(depth + 1));
        const separator = next();
        if (isPunct(separator, ')')) break;
        if (!isPunct(separator, ','))
          fail(separator, `expected "," or ")" in the test list, found ${describe(separator)}`);
      }
    }
  };

  const parseTest = (depth: number): SyntaxTest => {
    const token = next();
    enter(depth, token);
    if (token.kind !== 'identifier') return fail(token, `expected a test, found ${describe(token)}`);
    const test: SyntaxTest = {
      name: token.name,
      position: token.position,
      arguments: [],
      tests: [],
      testList: false,
    };
    parseArguments(test, depth);
    return test;
  };

  // Skips the rest of a broken command: up to its ";" or past its block, or to an enclosing "}".
  const resynchronise = (): void => {
    let braces = 0;
    while (peek().kind !== 'end') {
      const token = peek();
      if (isPunct(token, '}')) {
        if (braces === 0) return;
        braces -= 1;
        next();
        if (braces === 0) return;
        continue;
      }
      next();
      if (isPunct(token, '{')) braces += 1;
      else if (isPunct(token, ';') && braces === 0) return;
    }
  };

  // command = identifier arguments (";" / block)
  const parseCommand = (depth: number): SyntaxCommand => {
    const token = next();
    if (token.kind !== 'identifier') return fail(token, `expected a command, found ${describe(token)}`);
    const command: SyntaxCommand = {
      name: token.name,
      position: token.position,
      arguments: [],
      tests: [],
      testList: false,
      block: null,
    };
    parseArguments(command, depth);
    // Peek first: a missing ";" before "}" must leave the "}" to close the enclosing block.
    const end = peek();
    if (!isPunct(end, '{') && !isPunct(end, ';'))
      fail(end, `expected ";" or "{" after "${command.name}", found ${describe(end)}`);
    next();
    if (isPunct(end, '{')) command.block = parseCommands(depth + 1, end);
    return command;
  };

  // block = "{" commands "}"; the top level ends at the end of the script instead.
  const parseCommands = (depth: number, open: Token | null): SyntaxCommand[] => {
    if (open !== null) enter(depth, open);
    const commands: SyntaxCommand[] = [];
    for (;;) {
      const token = peek();
      if (token.kind === 'end') {
        if (open !== null) errors.push(errorAt(open.position, 'unterminated block: missing "}"'));
        return commands;
      }
      if (isPunct(token, '}')) {
        next();
        if (open !== null) return commands;
        errors.push(errorAt(token.position, 'unexpected "}"'));
        continue;
      }
      try {
        commands.push(parseCommand(depth));
      } catch (error) {
        if (!(error instanceof SyntaxFailure)) throw error;
        resynchronise();
      }
    }
  };

  try {
    return { commands: parseCommands(0, null), errors };
  } catch (error) {
    if (error instanceof NestingFailure) return { commands: [], errors };
    throw error;
  }
}
