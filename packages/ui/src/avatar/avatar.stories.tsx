import type { Meta, StoryObj } from '@storybook/react-vite';
import { Avatar } from './avatar';

const meta = {
  title: 'Components/Avatar',
  component: Avatar,
  args: { name: 'Alice Martin', email: 'alice@colibri.test' },
  argTypes: { size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] } },
} satisfies Meta<typeof Avatar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Small: Story = { args: { size: 'sm' } };
export const Large: Story = { args: { size: 'lg' } };
export const AddressOnly: Story = { args: { name: '', email: 'jean.dupont@example.fr' } };

const people = [
  ['Alice Martin', 'alice@colibri.test'],
  ['Bob Durand', 'bob@colibri.test'],
  ['Carol Nguyen', 'carol@colibri.test'],
  ['Élodie Lefèvre', 'elodie@example.fr'],
  ['Zoë', 'zoe@example.org'],
  ['', 'noreply@billing.example.com'],
  ['Björk Guðmundsdóttir', 'bjork@example.is'],
  ['李 小龙', 'xiaolong@example.cn'],
] as const;

/** Colours come from the address, so each person keeps theirs everywhere. */
export const Palette: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: 'var(--space-2)', flexWrap: 'wrap' }}>
      {people.map(([name, email]) => (
        <Avatar key={email} {...args} name={name} email={email} />
      ))}
    </div>
  ),
};

export const PaletteDark: Story = { ...Palette, globals: { theme: 'dark' } };
