export { createJmapEngine } from './engine.js';
export type { JmapEngine, JmapEngineOptions } from './engine.js';
export { DEFAULT_CORE_LIMITS } from './limits.js';
export type { Logger } from './logger.js';
export type { Principal } from './principal.js';
export { accountIdsOf } from './session.js';
export { withQuotaStates } from './methods/quota/quota-push.js';
export type { PushStateFeed, PushedStateChange } from './methods/quota/quota-push.js';
export { openBlobAs, uploadAccountFor } from './blob-access.js';
