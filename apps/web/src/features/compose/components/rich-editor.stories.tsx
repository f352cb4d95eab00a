import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { longSubject, rtl } from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import { RichEditor } from './rich-editor';
import './composer.css';

const meta = {
  title: 'Compose/RichEditor',
  component: RichEditor,
  args: { initialHtml: '', label: 'Message', onChange: fn(), onFile: fn(() => ({ cid: null })) },
  decorators: [
    (Story) => (
      <div className="composer" style={{ position: 'static', maxWidth: 640 }}>
        <div className="composer__body">{Story()}</div>
      </div>
    ),
  ],
} satisfies Meta<typeof RichEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const Formatted: Story = {
  args: {
    initialHtml:
      '<p>Hello <strong>Ann</strong>, <em>thanks</em> for the <a href="https://colibri.test/plan">plan</a>.</p><ul><li>Beta</li><li>Launch</li></ul><ol><li>One</li><li>Two</li></ol><blockquote><p>Can we move the beta?</p></blockquote>',
  },
};
export const LongContent: Story = {
  args: { initialHtml: Array.from({ length: 40 }, () => `<p>${longSubject}</p>`).join('') },
};
export const RightToLeft: Story = {
  args: {
    initialHtml: `<p>${rtl.arabicBody.replace(/\n/g, '<br>')}</p><p>${rtl.hebrewBody.replace(/\n/g, '<br>')}</p>`,
  },
  decorators: [rightToLeft],
};
export const Dark: Story = { ...Formatted, globals: { theme: 'dark' } };
