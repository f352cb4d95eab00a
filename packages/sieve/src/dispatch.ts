import type { TestNode } from './ast.js';
import { discard, fileinto, keep, redirect, reject, stop } from './commands/actions.js';
import { changeFlags } from './commands/flag-commands.js';
import { set } from './commands/set.js';
import { vacation } from './commands/vacation.js';
import type { RunState } from './run-state.js';
import { currentdate, date } from './tests/date-tests.js';
import { address, envelope, exists, header } from './tests/header-tests.js';
import { body, hasflag, mailboxExists, size, string } from './tests/simple-tests.js';

type CommandHandler = (run: RunState, node: TestNode) => void;
type TestHandler = (run: RunState, node: TestNode) => boolean;

/** The action and variable commands, by name (control commands are the evaluator's). */
export const COMMAND_HANDLERS: Readonly<Record<string, CommandHandler>> = {
  stop,
  keep,
  discard,
  redirect,
  fileinto,
  reject,
  ereject: reject,
  vacation,
  set,
  setflag: changeFlags,
  addflag: changeFlags,
  removeflag: changeFlags,
};

/** The tests that read the message or the variables (allof/anyof/not/true/false are the evaluator's). */
export const TEST_HANDLERS: Readonly<Record<string, TestHandler>> = {
  header,
  address,
  envelope,
  exists,
  size,
  string,
  hasflag,
  body,
  mailboxexists: mailboxExists,
  mailboxidexists: mailboxExists,
  date,
  currentdate,
};
