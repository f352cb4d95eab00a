import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { storyBooks } from '../testing/story-data';
import { ImportPanel } from './import-panel';
import './contacts.css';

/** Import of a .vcf: choosing, reading, creating with progress, the report with refused cards. */
const meta = {
  title: 'Contacts/ImportPanel',
  component: ImportPanel,
  args: {
    books: storyBooks,
    initialBookId: null,
    state: { status: 'idle' },
    onStart: fn(),
    onStop: fn(),
    onClose: fn(),
  },
  decorators: [(Story) => <div style={{ width: 380 }}>{Story()}</div>],
} satisfies Meta<typeof ImportPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {};
export const Reading: Story = { args: { state: { status: 'running', progress: null } } };
export const Creating: Story = {
  args: { state: { status: 'running', progress: { phase: 'creating', done: 200, total: 500 } } },
};
export const DoneWithErrors: Story = {
  args: {
    state: {
      status: 'done',
      report: {
        imported: 498,
        stopped: false,
        failures: [
          { index: 41, name: '', reason: 'END:VCARD missing before the next BEGIN:VCARD' },
          { index: 310, name: 'Very Long Name '.repeat(6).trim(), reason: 'The card is too large' },
        ],
      },
    },
  },
};
export const Failed: Story = { args: { state: { status: 'failed', error: 'This file holds no vCard.' } } };
export const Dark: Story = { globals: { theme: 'dark' } };
