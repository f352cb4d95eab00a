import type { MethodArgs } from '@colibri/jmap-types';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { mdnParseArgsSchema } from './parse.js';
import type { sendArgsSchema } from './send.js';

// STYLE 8: what the method map lets a client send (RFC 9007 §2.1, §2.2), the schemas accept.
describe('MDN argument schemas accept what the method map allows', () => {
  it('matches at compile time', () => {
    expectTypeOf<MethodArgs<'MDN/send'>>().toExtend<z.input<typeof sendArgsSchema>>();
    expectTypeOf<MethodArgs<'MDN/parse'>>().toExtend<z.input<typeof mdnParseArgsSchema>>();
  });
});
