import { describe, expect, it } from 'vitest';
import { bobsProposal, lunch, weeklyMaster, weeklyOccurrence } from '../testing/fixtures';
import {
  ownProposalsFor,
  pendingCountByOccurrence,
  pendingProposalsFor,
  proposalConcerns,
} from './proposals';

const otherOccurrence = {
  ...weeklyOccurrence,
  id: 'E1-20261210',
  start: '2026-12-10T10:00:00',
  recurrenceId: '2026-12-10T10:00:00',
};

describe('proposed new times (calendar-proposals extension)', () => {
  it('a proposal about one occurrence concerns that occurrence only; one about the event, all of them', () => {
    expect(proposalConcerns(bobsProposal, weeklyOccurrence)).toBe(true);
    expect(proposalConcerns(bobsProposal, otherOccurrence)).toBe(false);
    expect(proposalConcerns(bobsProposal, lunch)).toBe(false);
    const whole = { ...bobsProposal, recurrenceId: null };
    expect(proposalConcerns(whole, otherOccurrence)).toBe(true);
    expect(proposalConcerns(whole, weeklyMaster)).toBe(true);
  });

  it('the organiser is shown the pending proposals of others, not answered ones nor their own', () => {
    const answered = { ...bobsProposal, id: 'E1-P2', status: 'declined' as const };
    const mine = { ...bobsProposal, id: 'E1-P3', from: 'Alice@Colibri.test' };
    const all = [bobsProposal, answered, mine];
    expect(pendingProposalsFor(all, weeklyOccurrence, 'alice@colibri.test')).toEqual([bobsProposal]);
    expect(ownProposalsFor(all, weeklyOccurrence, 'alice@colibri.test')).toEqual([mine]);
    expect(
      pendingCountByOccurrence(all, [weeklyOccurrence, otherOccurrence, lunch], 'alice@colibri.test'),
    ).toEqual(new Map([[weeklyOccurrence.id, 1]]));
  });

  it("the proposer's latest proposal comes first", () => {
    const first = { ...bobsProposal, id: 'E1-P1', status: 'declined' as const };
    const second = { ...bobsProposal, id: 'E1-P2' };
    expect(ownProposalsFor([first, second], weeklyOccurrence, 'bob@colibri.test').map((p) => p.id)).toEqual([
      'E1-P2',
      'E1-P1',
    ]);
  });
});
