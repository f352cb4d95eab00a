// Fails when relative imports form a cycle inside a package (DESIGN.md: "No import cycles").
// Package-level cycles cannot happen: colibri/boundaries only allows the acyclic graph of DESIGN.md.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const roots = ['apps', 'packages'].flatMap((d) =>
  existsSync(path.join(root, d))
    ? readdirSync(path.join(root, d)).map((p) => path.join(root, d, p, 'src'))
    : [],
);

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (/\.(ts|tsx)$/.test(name) && !/\.(test|stories)\.tsx?$/.test(name)) yield full;
  }
}

const importRe = /^\s*(?:import|export)\s(?!type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;
function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
  for (const cand of [
    base + '.ts',
    base + '.tsx',
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (existsSync(cand)) return cand;
  }
  return null;
}

const graph = new Map();
for (const dir of roots) {
  for (const file of walk(dir)) {
    const text = readFileSync(file, 'utf8');
    const deps = [];
    for (const m of text.matchAll(importRe)) {
      const target = resolve(file, m[1]);
      if (target) deps.push(target);
    }
    graph.set(file, deps);
  }
}

const state = new Map(); // 1 = on stack, 2 = done
const cycles = [];
function visit(node, stack) {
  state.set(node, 1);
  stack.push(node);
  for (const dep of graph.get(node) ?? []) {
    if (state.get(dep) === 1) cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
    else if (!state.has(dep)) visit(dep, stack);
  }
  stack.pop();
  state.set(node, 2);
}
for (const node of graph.keys()) if (!state.has(node)) visit(node, []);

if (cycles.length > 0) {
  for (const c of cycles) console.error('import cycle: ' + c.map((f) => path.relative(root, f)).join(' -> '));
  process.exit(1);
}
console.log(`no import cycles in ${graph.size} modules`);
