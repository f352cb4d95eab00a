import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { EmailAddress } from '@colibri/jmap-types';
import { AddressSuggestions, RecipientField } from './recipient-field';
import './composer.css';

function Field({ initial, suggestions = [] }: { initial: EmailAddress[]; suggestions?: EmailAddress[] }) {
  const [addresses, setAddresses] = useState(initial);
  return (
    <div className="composer" style={{ position: 'static' }}>
      <div className="composer__body">
        <RecipientField
          label="To"
          addresses={addresses}
          onChange={setAddresses}
          suggestionsId="story-suggestions"
        />
        <AddressSuggestions id="story-suggestions" addresses={suggestions} />
      </div>
    </div>
  );
}

const meta = {
  title: 'Compose/RecipientField',
  component: Field,
  args: { initial: [] },
} satisfies Meta<typeof Field>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const WithRecipients: Story = {
  args: {
    initial: [
      { name: 'Bob Martin', email: 'bob@colibri.test' },
      { name: null, email: 'carol@colibri.test' },
    ],
  },
};
export const WithSuggestions: Story = {
  args: {
    suggestions: [
      { name: 'Dave', email: 'dave@example.org' },
      { name: null, email: 'eve@example.org' },
    ],
  },
};
export const ManyRecipients: Story = {
  args: {
    initial: Array.from({ length: 24 }, (_, i) => ({
      name: `Person with a long name ${i}`,
      email: `p${i}@colibri.test`,
    })),
  },
};
export const RightToLeft: Story = {
  args: { initial: [{ name: 'مريم الحسن', email: 'maryam@colibri.test' }] },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
export const Dark: Story = { ...WithRecipients, globals: { theme: 'dark' } };
