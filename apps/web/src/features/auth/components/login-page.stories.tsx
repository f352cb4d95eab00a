import type { Meta, StoryObj } from '@storybook/react-vite';
import { authKeys } from '../api/keys';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import '../../../styles/app.css';
import { LoginPage } from './login-page';

const meta = {
  title: 'Auth/LoginPage',
  component: LoginPage,
  parameters: { layout: 'fullscreen' },
  // Nobody is signed in (GET /auth/me answered 401).
  decorators: [withStoryData({ queries: [[authKeys.me(), null]], url: '/login' })],
} satisfies Meta<typeof LoginPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {};
export const RightToLeft: Story = { decorators: [rightToLeft] };
export const Dark: Story = { globals: { theme: 'dark' } };
