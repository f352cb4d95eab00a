import type { Meta, StoryObj } from '@storybook/react-vite';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import type { ApiToken } from '../api/api-tokens';
import { settingsKeys } from '../api/keys';
import { ApiTokensSection } from './api-tokens-section';
import './settings.css';

const tokens: ApiToken[] = [
  {
    id: 't1',
    name: 'Thunderbird on the laptop',
    createdAt: '2026-10-02T08:00:00Z',
    lastUsedAt: '2026-11-28T17:12:00Z',
  },
  { id: 't2', name: 'backup script', createdAt: '2026-11-20T10:00:00Z', lastUsedAt: null },
];

/** API tokens for other JMAP clients: the list, the form, and revoke (no loading story: it would fetch). */
const meta = {
  title: 'Settings/ApiTokensSection',
  component: ApiTokensSection,
  decorators: [(Story) => <div style={{ maxWidth: 720 }}>{Story()}</div>],
} satisfies Meta<typeof ApiTokensSection>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { decorators: [withStoryData({ queries: [[settingsKeys.apiTokens(), []]] })] };
export const SomeTokens: Story = {
  decorators: [withStoryData({ queries: [[settingsKeys.apiTokens(), tokens]] })],
};
export const LoadError: Story = { decorators: [withStoryData({ errors: [settingsKeys.apiTokens()] })] };
export const LongNames: Story = {
  decorators: [
    withStoryData({
      queries: [
        [
          settingsKeys.apiTokens(),
          Array.from({ length: 12 }, (_, i) => ({
            ...tokens[0]!,
            id: `t${i}`,
            name: `${'very long client name '.repeat(4)}${i}`,
          })),
        ],
      ],
    }),
  ],
};
export const RightToLeft: Story = {
  decorators: [
    rightToLeft,
    withStoryData({
      queries: [[settingsKeys.apiTokens(), [{ ...tokens[0]!, name: 'بريد الحاسوب المحمول' }]]],
    }),
  ],
};
export const Dark: Story = { ...SomeTokens, globals: { theme: 'dark' } };
