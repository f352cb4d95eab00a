import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { downloadUrlFor } from '@colibri/jmap-client';
import type { Id, Session } from '@colibri/jmap-types';
import type { InlineImagePart } from '../lib/conversation-inline-images';
import { mailKeys } from './keys';

/** Reads a blob (RFC 8620 §6.2 download) as a data: URL of the part's own image type. */
async function imageDataUrl(url: string, type: string): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Download failed with HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

/**
 * The inline images of a message as data: URLs, by Content-ID. The mail frame is sandboxed in an
 * opaque origin, so it cannot load them from our download URL (no cookie, CORP same-origin): the
 * app reads them and hands them over inline. Blobs never change, so they are cached for good.
 */
export function useInlineImages(
  session: Session,
  accountId: Id,
  parts: readonly InlineImagePart[],
): Map<string, string> {
  const results = useQueries({
    queries: parts.map((part) => ({
      queryKey: [...mailKeys.all, accountId, 'Blob', part.blobId, 'data-url', part.type] as const,
      queryFn: () =>
        imageDataUrl(
          downloadUrlFor(session, { accountId, blobId: part.blobId, name: 'inline', type: part.type }),
          part.type,
        ),
      staleTime: Infinity,
    })),
  });
  // A new Map only when an image arrives: the frame's document is rebuilt from it.
  const signature = results.map((result) => result.dataUpdatedAt).join(',');
  return useMemo(() => {
    const urls = new Map<string, string>();
    results.forEach((result, index) => {
      const part = parts[index];
      if (part && result.data) urls.set(part.cid, result.data);
    });
    return urls;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `signature` stands for `results`.
  }, [signature, parts]);
}
