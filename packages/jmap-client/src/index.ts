export { createJmapClient } from './client.js';
export type { JmapClient, JmapClientOptions } from './client.js';
export { JmapMethodError, JmapRequestError } from './errors.js';
export type { FetchInit, FetchLike, RequestCredentialsMode, ResponseLike } from './fetch-like.js';
export { RequestBuilder, ResultRef, ref } from './request-builder.js';
export type { ArgsWithRefs, CallHandle, CallHandles, CallResults, ResultPath } from './request-builder.js';
export { downloadUrlFor, expandUriTemplate } from './url-template.js';
export type { DownloadTarget } from './url-template.js';
export { capabilitiesFor } from './capabilities-for.js';
