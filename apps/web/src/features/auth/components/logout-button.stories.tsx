import type { Meta, StoryObj } from '@storybook/react-vite';
import { userEvent, within } from 'storybook/test';
import { authKeys } from '../api/keys';
import { authMessages } from '../messages';
import { answerFetch, withStoryData } from '../../../testing/story-providers';
import { LogoutButton } from './logout-button';

const meta = {
  title: 'Auth/LogoutButton',
  component: LogoutButton,
  decorators: [
    withStoryData({
      queries: [[authKeys.me(), { username: 'alice@colibri.test', accountId: 'A1', csrfToken: 't' }]],
    }),
  ],
} satisfies Meta<typeof LogoutButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
/** Waiting for the server to end the session (it never answers here, so the page stays). */
export const LoggingOut: Story = {
  beforeEach: answerFetch(() => new Promise(() => undefined)),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: authMessages.logout }));
  },
};
export const Dark: Story = { globals: { theme: 'dark' } };
