import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeStories } from '@storybook/react-vite';
import type { Meta, StoryFn } from '@storybook/react-vite';

/**
 * Every story of the web app renders, runs its play function and logs no error. Storybook's build
 * only compiles the stories; this renders them, so a story whose data no longer matches what its
 * component reads (a renamed query key, a changed prop) fails here rather than in review.
 */
type StoryModule = { default: Meta } & Record<string, StoryFn>;
const modules = import.meta.glob<StoryModule>('../**/*.stories.tsx', { eager: true });

/** Time for queries, lazy imports and effects to settle after the first render. */
const SETTLE_MS = 50;
/** Play functions type into forms: generous, as CI machines run several suites at once. */
const STORY_TIMEOUT_MS = 30_000;

// jsdom lacks the modal dialog API (ShortcutsHelp opens a native <dialog>) and layout of ranges
// (the rich editor scrolls its caret into view).
beforeAll(() => {
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const errors: unknown[][] = [];
const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args);
});
afterAll(() => consoleError.mockRestore());

const canvases: HTMLElement[] = [];
afterEach(() => {
  for (const canvas of canvases.splice(0)) canvas.remove();
  errors.length = 0;
});

describe.each(Object.entries(modules))('%s', (_file, module) => {
  const stories = Object.entries(composeStories(module));
  it.each(stories)(
    '%s renders without errors',
    async (_name, Story) => {
      const canvasElement = document.createElement('div');
      document.body.append(canvasElement);
      canvases.push(canvasElement);
      await Story.run({ canvasElement });
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      expect(errors.map((args) => args.map(String).join(' '))).toEqual([]);
    },
    STORY_TIMEOUT_MS,
  );
});
