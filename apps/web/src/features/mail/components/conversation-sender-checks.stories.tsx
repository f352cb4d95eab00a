import type { Meta, StoryObj } from '@storybook/react-vite';
import { AUTHENTICATION_RESULTS } from '../api/get-email';
import { authResults, emailDetail, people } from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import './conversation.css';
import { ConversationSenderChecks } from './conversation-sender-checks';

const checked = (results: string, from = people.ann) =>
  emailDetail({ from: [from], [AUTHENTICATION_RESULTS]: [results] });

const meta = {
  title: 'Mail/ConversationSenderChecks',
  component: ConversationSenderChecks,
  args: { email: checked(authResults.pass) },
} satisfies Meta<typeof ConversationSenderChecks>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AllPass: Story = {};
/** DKIM and DMARC fail: the chips turn red and a warning says the sender may be forged. */
export const Failing: Story = { args: { email: checked(authResults.fail) } };
export const NeutralAndErrors: Story = { args: { email: checked(authResults.mixed) } };
/** Mail that never crossed SMTP (the user's own, imported) has no results: nothing is shown. */
export const NoResults: Story = { args: { email: emailDetail() } };
export const PunycodeLookalike: Story = {
  args: { email: checked(authResults.pass, { name: 'PayPal', email: 'service@xn--pypal-4ve.com' }) },
};
export const MixedScriptLookalike: Story = {
  args: { email: checked(authResults.pass, { name: 'Apple', email: 'id@аpple.com' }) },
};
/** The display name is an address other than the real one. */
export const NameShowsOtherAddress: Story = {
  args: {
    email: checked(authResults.fail, { name: 'ceo@colibri.test', email: 'ceo.colibri@freemail.example' }),
  },
};
export const RightToLeft: Story = {
  args: { email: checked(authResults.fail, people.maryam) },
  decorators: [rightToLeft],
};
export const Dark: Story = { ...Failing, globals: { theme: 'dark' } };
