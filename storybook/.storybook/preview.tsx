import type { Decorator, Preview } from '@storybook/react-vite';
import '@colibri/ui/tokens.css';
import './preview.css';

type ThemeChoice = 'system' | 'light' | 'dark';

/**
 * Applies the toolbar's theme the way the web app does: `data-theme` on <html>, or no attribute
 * to follow the system's prefers-color-scheme.
 */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals['theme'] ?? 'system') as ThemeChoice;
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
  return <Story />;
};

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'system', title: 'System', icon: 'browser' },
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'padded',
    // The theme's background comes from the tokens (preview.css), not from the backgrounds tool.
    backgrounds: { disable: true },
    controls: { expanded: true },
  },
};

export default preview;
