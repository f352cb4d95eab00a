import { describe, expect, it } from 'vitest';
import { MAX_REFERENCES, replyThreading } from './references';

describe('replyThreading (RFC 5322 §3.6.4)', () => {
  it('answers a first message: In-Reply-To and References are its Message-ID', () => {
    expect(replyThreading({ messageId: ['a@x'], inReplyTo: null, references: null })).toEqual({
      inReplyTo: ['a@x'],
      references: ['a@x'],
    });
  });
  it("appends the parent's Message-ID to its References", () => {
    expect(replyThreading({ messageId: ['c@x'], inReplyTo: ['b@x'], references: ['a@x', 'b@x'] })).toEqual({
      inReplyTo: ['c@x'],
      references: ['a@x', 'b@x', 'c@x'],
    });
  });
  it('uses a single In-Reply-To when the parent has no References', () => {
    expect(replyThreading({ messageId: ['b@x'], inReplyTo: ['a@x'], references: null }).references).toEqual([
      'a@x',
      'b@x',
    ]);
  });
  it('gives no threading fields for a parent without a Message-ID', () => {
    expect(replyThreading({ messageId: null, inReplyTo: ['a@x'], references: ['a@x'] })).toEqual({
      inReplyTo: null,
      references: null,
    });
  });
  it('keeps the root and the latest ids of a very long thread', () => {
    const references = Array.from({ length: 40 }, (_, i) => `m${i}@x`);
    const result = replyThreading({ messageId: ['last@x'], inReplyTo: null, references });
    expect(result.references).toHaveLength(MAX_REFERENCES);
    expect(result.references?.[0]).toBe('m0@x');
    expect(result.references?.at(-1)).toBe('last@x');
    expect(result.references?.at(-2)).toBe('m39@x');
  });
});
