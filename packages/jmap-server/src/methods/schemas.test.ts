import type { MethodArgs } from '@colibri/jmap-types';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { emailGetArgsSchema } from './email/get.js';
import type { emailQueryArgsSchema } from './email/query-args.js';
import type { changesArgsSchema, getArgsSchema, setArgsSchema } from './shared/schemas.js';

/*
 * The zod schemas are the server's source of truth for arguments (STYLE 8); the method map in
 * @colibri/jmap-types is what clients send. These compile-time checks (run by `tsc -b`) keep them
 * in step: anything the map lets a client send, the schema must accept.
 */
describe('argument schemas accept what the method map allows', () => {
  it('matches at compile time', () => {
    expectTypeOf<MethodArgs<'Mailbox/get'>>().toExtend<z.input<typeof getArgsSchema>>();
    expectTypeOf<MethodArgs<'Thread/get'>>().toExtend<z.input<typeof getArgsSchema>>();
    expectTypeOf<MethodArgs<'Email/get'>>().toExtend<z.input<typeof emailGetArgsSchema>>();
    expectTypeOf<MethodArgs<'Email/query'>>().toExtend<z.input<typeof emailQueryArgsSchema>>();
    expectTypeOf<MethodArgs<'Email/set'>>().toExtend<z.input<typeof setArgsSchema>>();
    expectTypeOf<MethodArgs<'Email/changes'>>().toExtend<z.input<typeof changesArgsSchema>>();
  });
});
