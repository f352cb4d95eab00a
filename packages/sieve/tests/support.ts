import { evaluateSieve } from '../src/evaluate.js';
import { parseSieve } from '../src/parse.js';
import type {
  EvaluateOptions,
  SieveEnvironment,
  SieveMessage,
  SieveOutcome,
  SieveScript,
} from '../src/types.js';

/**
 * A small in-memory `SieveMessage` from a raw RFC 5322 message: header fields unfolded, the body
 * as both `raw` and `text` (no MIME decoding: the test messages are single-part text).
 */
export function messageFrom(
  raw: string,
  envelope = { from: 'sender@example.org', to: 'me@example.com' },
): SieveMessage {
  const normalized = raw.replace(/\r?\n/g, '\r\n');
  const split = normalized.indexOf('\r\n\r\n');
  const head = split < 0 ? normalized : normalized.slice(0, split);
  const body = split < 0 ? '' : normalized.slice(split + 4);
  const fields: Array<[string, string]> = [];
  for (const line of head.split('\r\n')) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last !== undefined) last[1] += line;
    else if (line.includes(':'))
      fields.push([line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1)]);
  }
  return {
    header: (name) =>
      fields.filter(([field]) => field === name.toLowerCase()).map(([, value]) => value.trim()),
    size: new TextEncoder().encode(normalized).length,
    envelope,
    body: () => body,
  };
}

/** Parses a script that must be valid. */
export function compile(source: string): SieveScript {
  const result = parseSieve(source);
  if (!result.ok) throw new Error(`script does not parse: ${JSON.stringify(result.errors)}`);
  return result.script;
}

export const NOW = new Date('2026-03-10T08:30:00Z');

/** Parses and runs a script on a raw message. */
export function run(
  source: string,
  raw: string,
  environment: Partial<SieveEnvironment> = {},
  options: EvaluateOptions = {},
  envelope?: { from: string; to: string },
): SieveOutcome {
  return evaluateSieve(compile(source), messageFrom(raw, envelope), { now: NOW, ...environment }, options);
}

/** Just the action types, in order: the shape most assertions need. */
export function actionTypes(outcome: SieveOutcome): string[] {
  return outcome.actions.map((action) =>
    action.type === 'fileinto' ? `fileinto:${action.mailbox}` : action.type,
  );
}

export const SAMPLE = `Return-Path: <owner-ietf-mta-filters@imc.org>
Date: Tue, 1 Apr 1997 09:06:31 -0800 (PST)
From: coyote@desert.example.org
To: roadrunner@acme.example.com
Subject: I have a present for you
Message-ID: <1234@desert.example.org>

Look, I'm sorry about the whole anvil thing, and I really
didn't mean to try and drop it on you from the top of the
cliff.  I want to try to make it up to you.  I've got some
great birdseed over here at my place--top of the line
stuff--and if you come by, I'll have it all wrapped up
for you.  I'm really sorry for all the problems I've caused
for you over the years, but I know we can work this out.
--
Wile E. Coyote   "Super Genius"   coyote@desert.example.org
`;
