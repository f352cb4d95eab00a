import type { MethodArgs } from '@colibri/jmap-types';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { eventGetArgsSchema } from './get.js';
import type { eventQueryArgsSchema, eventQueryChangesArgsSchema } from './query-args.js';

/* STYLE 8: what the method map lets a client send, the server's schemas accept (checked by tsc -b). */
describe('CalendarEvent argument schemas accept what the method map allows', () => {
  it('matches at compile time', () => {
    expectTypeOf<MethodArgs<'CalendarEvent/get'>>().toExtend<z.input<typeof eventGetArgsSchema>>();
    expectTypeOf<MethodArgs<'CalendarEvent/query'>>().toExtend<z.input<typeof eventQueryArgsSchema>>();
    expectTypeOf<MethodArgs<'CalendarEvent/queryChanges'>>().toExtend<
      z.input<typeof eventQueryChangesArgsSchema>
    >();
  });
});
