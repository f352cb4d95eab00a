import { Capability } from '@colibri/jmap-types';
import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expectMethodError, expectProblem } from './support/expect-jmap.js';

const core = [Capability.Core];
const mail = [Capability.Core, Capability.Mail];

test.describe('RFC 8620 §3 the API request', () => {
  test('RFC 8620 §3.6.1: an unknown capability in using answers unknownCapability', async ({ account }) => {
    const answer = await account.post({ using: [Capability.Core, 'urn:example:nope'], methodCalls: [] });
    expectProblem(answer, 'unknownCapability');
  });

  test('RFC 8620 §3.6.1: a body that is not JSON answers notJSON', async ({ account }) => {
    expectProblem(await account.post('{"using": [', 'application/json'), 'notJSON');
    // Whatever a server makes of other content types, a body that does not parse is notJSON.
    expectProblem(await account.post('not json at all', 'text/plain'), 'notJSON');
  });

  test('RFC 8620 §3.6.1: JSON that is not a Request answers notRequest', async ({ account }) => {
    expectProblem(await account.post({ using: 'core', methodCalls: [] }), 'notRequest');
    expectProblem(await account.post({ using: core }), 'notRequest');
    expectProblem(await account.post({ using: core, methodCalls: [['Core/echo', {}]] }), 'notRequest');
    expectProblem(await account.post([1, 2, 3]), 'notRequest');
  });

  test('RFC 8620 §3.6.1: more calls than maxCallsInRequest answer limit naming the limit', async ({
    account,
  }) => {
    const max = account.session.capabilities[Capability.Core].maxCallsInRequest;
    const calls = Array.from({ length: max + 1 }, (_, i) => ['Core/echo', {}, `c${i}`]);
    const problem = expectProblem(await account.post({ using: core, methodCalls: calls }), 'limit');
    expect(problem.limit).toBe('maxCallsInRequest');
  });

  test('RFC 8620 §3.6.1: a request larger than maxSizeRequest answers limit naming the limit', async ({
    account,
  }) => {
    const max = account.session.capabilities[Capability.Core].maxSizeRequest;
    // A well-formed Request, padded to one byte over the limit.
    const head = `{"using":["${Capability.Core}"],"methodCalls":[],"pad":"`;
    const body = `${head}${'x'.repeat(max + 1 - head.length - 2)}"}`;
    const answer = await account.post(body);
    // §3.6.1 does not fix the status of a limit problem; it is a client error.
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    const problem = expectProblem(answer, 'limit', answer.status);
    expect(problem.limit).toBe('maxSizeRequest');
  });

  test('RFC 8620 §4: Core/echo returns its arguments unchanged', async ({ account }) => {
    const args = { hello: 'world', n: 1, nested: { list: [true, null] } };
    const { methodResponses } = await account.request([['Core/echo', args, 'e1']], core);
    expect(methodResponses).toEqual([['Core/echo', args, 'e1']]);
  });

  test('RFC 8620 §3.4: responses come in call order, each with its call id', async ({ account }) => {
    const { methodResponses } = await account.request(
      [
        ['Core/echo', { n: 1 }, 'first'],
        ['Core/echo', { n: 2 }, 'second'],
        ['Core/echo', { n: 3 }, 'third'],
      ],
      core,
    );
    expect(methodResponses.map(([, args, id]) => [args.n, id])).toEqual([
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
    ]);
  });

  test('RFC 8620 §3.6.2: an unknown method answers unknownMethod and the next call still runs', async ({
    account,
  }) => {
    const { methodResponses } = await account.request(
      [
        ['Foo/bar', {}, 'a'],
        ['Core/echo', { ok: true }, 'b'],
      ],
      core,
    );
    expectMethodError(methodResponses[0], 'unknownMethod', 'a');
    expect(methodResponses[1]).toEqual(['Core/echo', { ok: true }, 'b']);
  });

  test('RFC 8620 §3.3: a method whose capability is not in using answers unknownMethod', async ({
    account,
  }) => {
    const { methodResponses } = await account.request(
      [['Mailbox/get', { accountId: account.accountId, ids: null }, 'm']],
      core,
    );
    expectMethodError(methodResponses[0], 'unknownMethod', 'm');
  });

  test('RFC 8620 §3.6.2: arguments of the wrong type answer invalidArguments', async ({ account }) => {
    const [response] = (
      await account.request([['Mailbox/get', { accountId: account.accountId, ids: 'all' }, 'm']], mail)
    ).methodResponses;
    expectMethodError(response, 'invalidArguments', 'm');
  });

  test('RFC 8620 §3.6.2: an account the user cannot access answers accountNotFound', async ({ account }) => {
    const [response] = (
      await account.request([['Mailbox/get', { accountId: 'no-such-account', ids: null }, 'm']], mail)
    ).methodResponses;
    expectMethodError(response, 'accountNotFound', 'm');
  });

  test('RFC 8620 §3.7: a result reference feeds one call’s result into the next', async ({ account }) => {
    const { methodResponses } = await account.request(
      [
        ['Mailbox/query', { accountId: account.accountId }, 'q'],
        [
          'Mailbox/get',
          {
            accountId: account.accountId,
            '#ids': { resultOf: 'q', name: 'Mailbox/query', path: '/ids' },
            properties: ['id'],
          },
          'g',
        ],
      ],
      mail,
    );
    const queried = methodResponses[0]?.[1].ids as Id[];
    expect(queried.length).toBeGreaterThan(0);
    expect(methodResponses[1]?.[0]).toBe('Mailbox/get');
    expect((methodResponses[1]?.[1].list as { id: Id }[]).map((m) => m.id)).toEqual(queried);
  });

  test('RFC 8620 §3.7: a `*` in the path maps over an array and flattens the result', async ({ account }) => {
    const { methodResponses } = await account.request(
      [
        ['Mailbox/get', { accountId: account.accountId, ids: null, properties: ['id'] }, 'a'],
        [
          'Mailbox/get',
          {
            accountId: account.accountId,
            '#ids': { resultOf: 'a', name: 'Mailbox/get', path: '/list/*/id' },
            properties: ['name'],
          },
          'b',
        ],
      ],
      mail,
    );
    const first = (methodResponses[0]?.[1].list as { id: Id }[]).map((m) => m.id);
    const second = (methodResponses[1]?.[1].list as { id: Id }[]).map((m) => m.id);
    expect(second).toEqual(first);
  });

  test('RFC 8620 §3.7: a reference to an unknown call, a wrong name or a bad path answers invalidResultReference', async ({
    account,
  }) => {
    const echo: [string, Record<string, unknown>, string] = ['Core/echo', { ids: ['x'] }, 'e'];
    const refTo = (ref: Record<string, unknown>, id: string): [string, Record<string, unknown>, string] => [
      'Mailbox/get',
      { accountId: account.accountId, '#ids': ref },
      id,
    ];
    const { methodResponses } = await account.request(
      [
        echo,
        refTo({ resultOf: 'nope', name: 'Core/echo', path: '/ids' }, 'unknownCall'),
        refTo({ resultOf: 'e', name: 'Mailbox/get', path: '/ids' }, 'wrongName'),
        refTo({ resultOf: 'e', name: 'Core/echo', path: '/missing' }, 'badPath'),
      ],
      mail,
    );
    expectMethodError(methodResponses[1], 'invalidResultReference', 'unknownCall');
    expectMethodError(methodResponses[2], 'invalidResultReference', 'wrongName');
    expectMethodError(methodResponses[3], 'invalidResultReference', 'badPath');
  });

  test('RFC 8620 §3.7: an argument given both plainly and as a reference answers invalidArguments', async ({
    account,
  }) => {
    const { methodResponses } = await account.request(
      [
        ['Mailbox/query', { accountId: account.accountId }, 'q'],
        [
          'Mailbox/get',
          {
            accountId: account.accountId,
            ids: [],
            '#ids': { resultOf: 'q', name: 'Mailbox/query', path: '/ids' },
          },
          'g',
        ],
      ],
      mail,
    );
    expectMethodError(methodResponses[1], 'invalidArguments', 'g');
  });

  test('RFC 8620 §5.3: a foreign key may name a record created earlier in the request by #creationId', async ({
    account,
  }) => {
    const { methodResponses } = await account.request(
      [
        ['Mailbox/set', { accountId: account.accountId, create: { parent: { name: 'Ref parent' } } }, 's1'],
        [
          'Mailbox/set',
          { accountId: account.accountId, create: { child: { name: 'Ref child', parentId: '#parent' } } },
          's2',
        ],
      ],
      mail,
    );
    const parentId = (methodResponses[0]?.[1].created as Record<string, { id: Id }>).parent?.id;
    const childId = (methodResponses[1]?.[1].created as Record<string, { id: Id }>).child?.id;
    expect(parentId).toBeTruthy();
    const { list } = await account.ok<{ list: unknown[] }>('Mailbox/get', {
      accountId: account.accountId,
      ids: [childId],
      properties: ['parentId'],
    });
    expect(list).toEqual([{ id: childId, parentId }]);
  });

  test('RFC 8620 §3.3: createdIds in the request is returned with the ids this request created', async ({
    account,
  }) => {
    const first = await account.request(
      [['Mailbox/set', { accountId: account.accountId, create: { k1: { name: 'CreatedIds 1' } } }, 's']],
      mail,
      {},
    );
    const k1 = first.createdIds?.k1;
    expect(k1).toBeTruthy();
    // The map carries over: a later request may use "#k1" when it sends the map back.
    const second = await account.request(
      [
        [
          'Mailbox/set',
          { accountId: account.accountId, create: { k2: { name: 'CreatedIds 2', parentId: '#k1' } } },
          's',
        ],
      ],
      mail,
      { k1: k1 ?? '' },
    );
    expect(second.createdIds).toMatchObject({ k1, k2: expect.any(String) });
    const { list } = await account.ok<{ list: unknown[] }>('Mailbox/get', {
      accountId: account.accountId,
      ids: [second.createdIds?.k2],
      properties: ['parentId'],
    });
    expect(list).toEqual([{ id: second.createdIds?.k2, parentId: k1 }]);
  });

  test('RFC 8620 §3.4: without createdIds in the request the response has none', async ({ account }) => {
    const response = await account.request([['Core/echo', {}, 'e']], core);
    expect(response).not.toHaveProperty('createdIds');
  });

  test('RFC 8620 §3.7: a reference to a call that answered an error is invalidResultReference', async ({
    account,
  }) => {
    const { methodResponses } = await account.request(
      [
        ['Mailbox/query', { accountId: 'no-such-account' }, 'q'],
        [
          'Mailbox/get',
          { accountId: account.accountId, '#ids': { resultOf: 'q', name: 'Mailbox/query', path: '/ids' } },
          'g',
        ],
      ],
      mail,
    );
    expectMethodError(methodResponses[0], 'accountNotFound', 'q');
    expectMethodError(methodResponses[1], 'invalidResultReference', 'g');
  });

  test('RFC 8620 §3.2: an Invocation whose arguments are not an object, or whose id is not a string, is notRequest', async ({
    account,
  }) => {
    expectProblem(await account.post({ using: core, methodCalls: [['Core/echo', [], 'c']] }), 'notRequest');
    expectProblem(await account.post({ using: core, methodCalls: [['Core/echo', {}, 3]] }), 'notRequest');
  });
});
