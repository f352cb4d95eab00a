// @ts-check
/**
 * colibri/boundaries: the dependency rules of DESIGN.md ("Layout"), enforced at lint time so that
 * a forbidden import fails the test command.
 *  - which workspace package may import which (an arrow in DESIGN.md is "may import");
 *  - no deep imports into another package (only its entry, or a subpath it exports on purpose);
 *  - no relative import that leaves the importing package;
 *  - in the web app, a feature never imports another feature;
 *  - packages/ui imports jmap-types for types only;
 *  - the web app never imports Node built-ins or server-only libraries.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Workspace folder -> the @colibri packages it may import. */
export const allowedImports = {
  'apps/web': ['ui', 'jmap-client', 'jmap-types', 'vcard'],
  'apps/bff': [
    'jmap-server',
    'mail-store',
    'sieve',
    'icalendar',
    'jmap-types',
    'store-postgres',
    'blobstore-s3',
  ],
  'packages/jmap-types': [],
  'packages/jmap-server': ['jmap-types', 'mail-store', 'sieve', 'icalendar', 'vcard'],
  'packages/sieve': [],
  'packages/jmap-client': ['jmap-types'],
  'packages/mail-store': [],
  'packages/store-postgres': ['mail-store'],
  'packages/blobstore-s3': ['mail-store'],
  'packages/icalendar': [],
  'packages/vcard': [],
  'packages/ui': ['jmap-types'],
  'packages/cli': ['jmap-client', 'jmap-types', 'mail-store'],
  'packages/test-server': [],
  e2e: ['jmap-client', 'jmap-types', 'test-server'],
  bench: ['jmap-client', 'jmap-types', 'test-server'],
  storybook: ['ui', 'jmap-types'],
};

/** Subpaths a package exports on purpose (STYLE 3). */
const publicSubpaths = new Set(['@colibri/ui/tokens.css', '@colibri/mail-store/testing']);

/** Backends are chosen only by the BFF's config code (DESIGN.md). */
const backendPackages = new Set(['@colibri/store-postgres', '@colibri/blobstore-s3']);
const backendFactories = new Set(['openMailStore']);

const serverOnly = /^(node:|express$|better-sqlite3$|smtp-server$|nodemailer$|fs$|path$|os$|child_process$)/;

/** @param {string} file absolute path */
export function workspaceOf(file) {
  const rel = path.relative(repoRoot, file).split(path.sep).join('/');
  for (const ws of Object.keys(allowedImports)) {
    if (rel === ws || rel.startsWith(ws + '/')) return { ws, rel };
  }
  return { ws: null, rel };
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the package dependency rules of DESIGN.md' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const { ws, rel } = workspaceOf(file);
    if (!ws) return {};
    const allowed = /** @type {Record<string, string[]>} */ (allowedImports)[ws] ?? [];
    const featureMatch = /^apps\/web\/src\/features\/([^/]+)\//.exec(rel);

    /**
     * @param {import('estree').Node} node
     * @param {string} source
     * @param {{ typeOnly: boolean, names: string[] }} info
     */
    function check(node, source, info) {
      if (source.startsWith('@colibri/')) {
        const [, name, ...rest] = source.split('/');
        const pkg = `@colibri/${name}`;
        if (rest.length > 0 && !publicSubpaths.has(source)) {
          context.report({
            node,
            message: `Deep import "${source}": import the package entry "${pkg}" (STYLE 3).`,
          });
          return;
        }
        if (name === undefined || !allowed.includes(name)) {
          context.report({ node, message: `${ws} may not import ${pkg} (DESIGN.md dependency rules).` });
          return;
        }
        if (ws === 'packages/ui' && !info.typeOnly) {
          context.report({
            node,
            message: `packages/ui may import ${pkg} for types only: use "import type".`,
          });
        }
        if (ws === 'apps/bff' && !rel.startsWith('apps/bff/src/config/')) {
          const factory = info.names.find((n) => backendFactories.has(n));
          if (backendPackages.has(pkg) || factory) {
            context.report({
              node,
              message: `Backends are chosen only in apps/bff/src/config/ (DESIGN.md).`,
            });
          }
        }
        return;
      }
      if (ws === 'apps/web' && serverOnly.test(source)) {
        context.report({ node, message: `The web app may not import server-side module "${source}".` });
        return;
      }
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        const targetWs = workspaceOf(target);
        if (targetWs.ws !== ws) {
          context.report({
            node,
            message: `Relative import "${source}" leaves ${ws}: import the package entry instead.`,
          });
          return;
        }
        const targetFeature = /^apps\/web\/src\/features\/([^/]+)(\/|$)/.exec(targetWs.rel);
        if (featureMatch && targetFeature && targetFeature[1] !== featureMatch[1]) {
          context.report({
            node,
            message: `Feature "${featureMatch[1]}" may not import feature "${targetFeature[1]}": move shared code to src/lib or src/components.`,
          });
        }
      }
    }

    /** @param {any} node */
    function fromDeclaration(node) {
      if (!node.source || typeof node.source.value !== 'string') return;
      const specifiers = node.specifiers ?? [];
      const typeOnly =
        node.importKind === 'type' ||
        node.exportKind === 'type' ||
        (specifiers.length > 0 &&
          specifiers.every((/** @type {any} */ s) => s.importKind === 'type' || s.exportKind === 'type'));
      const names = specifiers.map((/** @type {any} */ s) => s.imported?.name ?? s.local?.name ?? '');
      check(node, node.source.value, { typeOnly, names });
    }

    return {
      ImportDeclaration: fromDeclaration,
      ExportNamedDeclaration: fromDeclaration,
      ExportAllDeclaration: fromDeclaration,
      /** @param {any} node */
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') {
          check(node, node.source.value, { typeOnly: false, names: [] });
        }
      },
    };
  },
};
