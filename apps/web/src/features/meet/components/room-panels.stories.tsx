import type { Meta, StoryObj } from '@storybook/react-vite';
import { rightToLeft } from '../../../testing/story-providers';
import type { ChatLine } from '../lib/room-data';
import { ChatPanel } from './chat-panel';
import './meet.css';

const at = Date.UTC(2026, 10, 29, 10, 0);
const lines: ChatLine[] = [
  {
    id: '1',
    from: 'alice',
    name: 'Alice Martin',
    text: 'Can everyone see my screen?',
    sentAt: at,
    mine: false,
  },
  { id: '2', from: 'me', name: 'Bob', text: 'Yes, loud and clear.', sentAt: at + 60_000, mine: true },
  { id: '3', from: 'grace', name: 'Grace Guest', text: 'x'.repeat(300), sentAt: at + 120_000, mine: false },
];

/** The in-room chat panel. */
const meta = {
  title: 'Meet/ChatPanel',
  component: ChatPanel,
  args: { lines, onSend: () => Promise.resolve() },
  decorators: [(Story) => <div style={{ height: 420, display: 'flex' }}>{Story()}</div>],
} satisfies Meta<typeof ChatPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Conversation: Story = {};
export const Empty: Story = { args: { lines: [] } };
export const RightToLeft: Story = {
  decorators: [rightToLeft],
  args: { lines: [{ ...lines[0]!, name: 'سارة', text: 'مرحبا بالجميع' }] },
};
