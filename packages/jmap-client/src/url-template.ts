import type { Id, Session } from '@colibri/jmap-types';

// RFC 6570 §1.5: the unreserved set, the only characters that simple (level 1) expansion leaves
// as they are. encodeURIComponent also leaves !'()* alone, so those are encoded by hand.
function encodeUnreserved(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Expands an RFC 6570 level-1 URI template (`{var}` only, which is all that RFC 8620 §2 uses for
 * downloadUrl, uploadUrl and eventSourceUrl). A variable missing from `values` expands to "".
 */
export function expandUriTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => encodeUnreserved(values[name] ?? ''));
}

/** What identifies a blob to download (RFC 8620 §6.2). */
export interface DownloadTarget {
  accountId: Id;
  blobId: Id;
  /** The file name the browser should save the blob as. */
  name: string;
  /** The media type the server should send it with (the `accept` variable). */
  type: string;
}

/** RFC 8620 §6.2: the download URL of a blob, from the Session's `downloadUrl` template. */
export function downloadUrlFor(session: Pick<Session, 'downloadUrl'>, target: DownloadTarget): string {
  return expandUriTemplate(session.downloadUrl, {
    accountId: target.accountId,
    blobId: target.blobId,
    name: target.name,
    type: target.type,
  });
}
