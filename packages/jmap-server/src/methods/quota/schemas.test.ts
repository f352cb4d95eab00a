import type { MethodArgs } from '@colibri/jmap-types';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { changesArgsSchema, getArgsSchema, setArgsSchema } from '../shared/schemas.js';
import type { quotaQueryArgsSchema, quotaQueryChangesArgsSchema } from './query-args.js';

/* Compile-time (tsc -b): what the method map lets a client send, the schemas accept (STYLE 8). */
describe('Identity, VacationResponse and Quota argument schemas accept what the method map allows', () => {
  it('matches at compile time', () => {
    expectTypeOf<MethodArgs<'Identity/get'>>().toExtend<z.input<typeof getArgsSchema>>();
    expectTypeOf<MethodArgs<'Identity/changes'>>().toExtend<z.input<typeof changesArgsSchema>>();
    expectTypeOf<MethodArgs<'Identity/set'>>().toExtend<z.input<typeof setArgsSchema>>();
    expectTypeOf<MethodArgs<'VacationResponse/get'>>().toExtend<z.input<typeof getArgsSchema>>();
    expectTypeOf<MethodArgs<'VacationResponse/set'>>().toExtend<z.input<typeof setArgsSchema>>();
    expectTypeOf<MethodArgs<'Quota/get'>>().toExtend<z.input<typeof getArgsSchema>>();
    expectTypeOf<MethodArgs<'Quota/changes'>>().toExtend<z.input<typeof changesArgsSchema>>();
    expectTypeOf<MethodArgs<'Quota/query'>>().toExtend<z.input<typeof quotaQueryArgsSchema>>();
    expectTypeOf<MethodArgs<'Quota/queryChanges'>>().toExtend<z.input<typeof quotaQueryChangesArgsSchema>>();
  });
});
