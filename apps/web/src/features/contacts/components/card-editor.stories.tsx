import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ada } from '../testing/story-data';
import { CardEditor } from './card-editor';
import './contacts.css';

/** The edit form: a new card, an existing one, saving, and the errors a save shows. */
const meta = {
  title: 'Contacts/CardEditor',
  component: CardEditor,
  args: { card: null, saving: false, onSave: fn(), onCancel: fn() },
  decorators: [(Story) => <div style={{ width: 420 }}>{Story()}</div>],
} satisfies Meta<typeof CardEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const New: Story = {};
export const Existing: Story = { args: { card: ada } };
export const Saving: Story = { args: { card: ada, saving: true } };
export const NeedsAName: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(canvas.getByRole('alert')).toBeTruthy();
    await expect(args.onSave).not.toHaveBeenCalled();
  },
};
export const Dark: Story = { args: { card: ada }, globals: { theme: 'dark' } };
