export { assertBuilt, repoRoot, startColibriProcess } from './colibri-process.js';
export type { ColibriProcess, StartOptions } from './colibri-process.js';
export { freePort } from './free-port.js';
