import { expandUriTemplate } from '@colibri/jmap-client';
import type { Id, Session } from '@colibri/jmap-types';
import { composeMessages } from '../messages';

/** RFC 8620 §6.1: what the server answers to an upload. */
export interface UploadedBlob {
  accountId: Id;
  blobId: Id;
  type: string;
  size: number;
}

export class UploadError extends Error {
  override readonly name = 'UploadError';
  constructor(
    message: string,
    /** 0 when the request never got an answer (network, abort). */
    readonly status: number,
    readonly aborted = false,
  ) {
    super(message);
  }
}

export interface UploadOptions {
  session: Pick<Session, 'uploadUrl'>;
  accountId: Id;
  file: Blob;
  /** The headers of the login (CSRF token), as the JMAP client sends them. */
  headers: Record<string, string>;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** For tests (STYLE 22); the browser's by default. */
  createRequest?: () => XMLHttpRequest;
}

/**
 * RFC 8620 §6.1: POSTs the file to the Session's uploadUrl and resolves with its blob. Uses
 * XMLHttpRequest because fetch reports no upload progress; the cookie goes along (same origin).
 */
export function uploadBlob(options: UploadOptions): Promise<UploadedBlob> {
  const url = expandUriTemplate(options.session.uploadUrl, { accountId: options.accountId });
  return new Promise((resolve, reject) => {
    const xhr = options.createRequest?.() ?? new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'text';
    xhr.setRequestHeader('Content-Type', options.file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(options.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText || '{}') as Record<string, unknown>;
      } catch {
        // Kept empty: the status says what went wrong.
      }
      if (xhr.status === 201 || xhr.status === 200) {
        if (typeof body.blobId === 'string') return resolve(body as unknown as UploadedBlob);
        return reject(new UploadError(composeMessages.uploadNoBlob, xhr.status));
      }
      const detail = typeof body.detail === 'string' ? body.detail : `HTTP ${xhr.status}`;
      reject(new UploadError(detail, xhr.status));
    };
    xhr.onerror = () => reject(new UploadError(composeMessages.uploadNetwork, 0));
    xhr.onabort = () => reject(new UploadError(composeMessages.uploadCanceled, 0, true));
    if (options.signal?.aborted) return reject(new UploadError(composeMessages.uploadCanceled, 0, true));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(options.file);
  });
}
