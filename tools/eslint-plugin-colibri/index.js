// @ts-check
import { boundaries } from './boundaries.js';

/** The project's own ESLint rules. */
export const colibriPlugin = {
  meta: { name: 'eslint-plugin-colibri' },
  rules: { boundaries },
};
