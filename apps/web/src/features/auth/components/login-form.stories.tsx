import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn, userEvent, within } from 'storybook/test';
import { authMessages } from '../messages';
import { answerFetch, withStoryData } from '../../../testing/story-providers';
import '../../../styles/app.css';
import { LoginForm } from './login-form';

/** The BFF's JSON answer to `POST /auth/login`. */
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      }),
    );

const signIn = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(authMessages.emailLabel), 'alice@colibri.test');
  await userEvent.type(canvas.getByLabelText(authMessages.passwordLabel), 'not my password');
  await userEvent.click(canvas.getByRole('button', { name: authMessages.submit }));
};

const meta = {
  title: 'Auth/LoginForm',
  component: LoginForm,
  args: { onLoggedIn: fn() },
  decorators: [(Story) => <div className="login-card">{Story()}</div>, withStoryData()],
} satisfies Meta<typeof LoginForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
/** Waiting for the server: the button says so and cannot be pressed twice. */
export const SigningIn: Story = { beforeEach: answerFetch(() => new Promise(() => undefined)), play: signIn };
export const WrongPassword: Story = {
  beforeEach: answerFetch(json(401, { message: 'Wrong email address or password.' })),
  play: signIn,
};
/** After too many failures the server asks to wait; the form counts down before the next try. */
export const TooManyAttempts: Story = {
  beforeEach: answerFetch(json(429, { retryAfter: 30 }, { 'Retry-After': '30' })),
  play: signIn,
};
export const ServerUnreachable: Story = {
  beforeEach: answerFetch(() => Promise.reject(new TypeError('Failed to fetch'))),
  play: signIn,
};
export const ServerError: Story = { beforeEach: answerFetch(json(500, {})), play: signIn };
export const RightToLeft: Story = { decorators: [(Story) => <div dir="rtl">{Story()}</div>] };
export const Dark: Story = { ...WrongPassword, globals: { theme: 'dark' } };
