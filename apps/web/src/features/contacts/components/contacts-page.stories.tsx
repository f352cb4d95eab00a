import type { Meta, StoryObj } from '@storybook/react-vite';
import { withStoryData } from '../../../testing/story-providers';
import { contactsKeys } from '../api/keys';
import { ada, arabic, grace, pioneers, storyAccount, storyBooks } from '../testing/story-data';
import { ContactsPage } from './contacts-page';

const allCards = { addressBookId: null, readOnlyBookIds: [], memberUids: null, text: '' };

const meta = {
  title: 'Contacts/ContactsPage',
  component: ContactsPage,
  decorators: [(Story) => <div style={{ height: 640 }}>{Story()}</div>],
} satisfies Meta<typeof ContactsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const List: Story = {
  decorators: [
    withStoryData({
      queries: [
        [contactsKeys.session(), storyAccount],
        [contactsKeys.addressBooks('A1'), storyBooks],
        [contactsKeys.groups('A1'), [pioneers]],
        [contactsKeys.listPage('A1', allCards, 0), { cards: [ada, grace, arabic], total: 3 }],
      ],
    }),
  ],
};
export const Empty: Story = {
  decorators: [
    withStoryData({
      queries: [
        [contactsKeys.session(), storyAccount],
        [contactsKeys.addressBooks('A1'), storyBooks],
        [contactsKeys.groups('A1'), []],
        [contactsKeys.listPage('A1', allCards, 0), { cards: [], total: 0 }],
      ],
    }),
  ],
};
export const Loading: Story = { decorators: [withStoryData({ network: 'pending' })] };
export const NoContacts: Story = {
  decorators: [withStoryData({ queries: [[contactsKeys.session(), { ...storyAccount, accountId: null }]] })],
};
export const LoadError: Story = { decorators: [withStoryData({ errors: [contactsKeys.session()] })] };
