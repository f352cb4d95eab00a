import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { bobsProposal, weeklyOccurrence } from '../testing/fixtures';
import { EventProposals } from './event-proposals';
import './calendar.css';

const meta = {
  title: 'Calendar/EventProposals',
  component: EventProposals,
  args: {
    event: weeklyOccurrence,
    proposals: [bobsProposal],
    displayTimeZone: 'Europe/Paris',
    onAnswer: fn(),
  },
} satisfies Meta<typeof EventProposals>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The organiser's view of one pending proposal: old time -> new time, with Accept and Decline. */
export const OneProposal: Story = {};
/** Two guests propose: one for this occurrence, one for every occurrence. */
export const TwoProposals: Story = {
  args: {
    proposals: [
      bobsProposal,
      {
        ...bobsProposal,
        id: 'E1-P00000000000000c1',
        from: 'carol@colibri.test',
        recurrenceId: null,
        comment: null,
      },
    ],
  },
};
export const Dark: Story = { globals: { theme: 'dark' } };
