import { describe, expect, it } from 'vitest';
import { parseAddress, parseAddressList } from './addresses';
import { replyRecipients } from './recipients';

const alice = { name: 'Alice', email: 'alice@colibri.test' };
const bob = { name: 'Bob', email: 'bob@colibri.test' };
const carol = { name: 'Carol', email: 'carol@colibri.test' };
const dave = { name: null, email: 'dave@example.org' };

describe('replyRecipients', () => {
  const own = ['alice@colibri.test'];
  const message = { from: [bob], to: [alice, carol], cc: [dave], replyTo: null };

  it('replies to the sender only', () => {
    expect(replyRecipients(message, own, 'reply')).toEqual({ to: [bob], cc: [] });
  });
  it('replies to Reply-To when there is one', () => {
    expect(replyRecipients({ ...message, replyTo: [dave] }, own, 'reply').to).toEqual([dave]);
  });
  it('replies to all: sender and To in To, Cc in Cc, never oneself, each once', () => {
    expect(replyRecipients(message, own, 'replyAll')).toEqual({ to: [bob, carol], cc: [dave] });
    const noisy = {
      from: [bob],
      to: [alice, { name: 'B', email: 'BOB@colibri.test' }],
      cc: [carol, alice],
      replyTo: null,
    };
    expect(replyRecipients(noisy, own, 'replyAll')).toEqual({ to: [bob], cc: [carol] });
  });
  it("answering one's own sent message goes to its recipients", () => {
    const sent = { from: [alice], to: [bob], cc: [carol], replyTo: null };
    expect(replyRecipients(sent, own, 'reply')).toEqual({ to: [bob], cc: [] });
    expect(replyRecipients(sent, own, 'replyAll')).toEqual({ to: [bob], cc: [carol] });
  });
  it('compares own addresses without case', () => {
    expect(replyRecipients(message, ['ALICE@colibri.test'], 'replyAll').to).not.toContainEqual(alice);
  });
});

describe('parseAddress', () => {
  it('reads "Name <email>", quoted names and bare addresses', () => {
    expect(parseAddress('Bob <bob@colibri.test>')).toEqual({ name: 'Bob', email: 'bob@colibri.test' });
    expect(parseAddress('"Doe, Jo" <jo@x.org>')).toEqual({ name: 'Doe, Jo', email: 'jo@x.org' });
    expect(parseAddress(' bob@colibri.test ')).toEqual({ name: null, email: 'bob@colibri.test' });
  });
  it('refuses what is not an address', () => {
    expect(parseAddress('bob')).toBeNull();
    expect(parseAddress('bob@')).toBeNull();
    expect(parseAddress('a b@x.org')).toBeNull();
    expect(parseAddress('Bob <not an address>')).toBeNull();
  });
  it('splits a pasted list on commas and semicolons outside quotes', () => {
    expect(parseAddressList('"Doe, Jo" <jo@x.org>; bob@colibri.test, nope')).toEqual({
      addresses: [
        { name: 'Doe, Jo', email: 'jo@x.org' },
        { name: null, email: 'bob@colibri.test' },
      ],
      invalid: ['nope'],
    });
  });
});
