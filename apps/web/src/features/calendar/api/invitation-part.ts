import { useQuery } from '@tanstack/react-query';
import { downloadUrlFor } from '@colibri/jmap-client';
import type { Id, Session } from '@colibri/jmap-types';
import { MAX_INVITATION_CHARS, parseInvitation } from '../lib/invitation-ics';
import type { Invitation } from '../lib/invitation-ics';
import { calendarKeys } from './keys';

/** The part of an email that carries the iTIP object (RFC 6047 §2.4: text/calendar; or the .ics). */
export interface CalendarPart {
  blobId: string;
  type: string;
  size?: number;
}

/** The email's text/calendar part, else an application/ics attachment; null for neither. */
export function calendarPartOf(
  parts: readonly { blobId?: string | null; type?: string; size?: number }[],
): CalendarPart | null {
  const typed = (type: string) =>
    parts.find((p) => p.blobId && p.type?.toLowerCase() === type && (p.size ?? 0) <= MAX_INVITATION_CHARS);
  const part = typed('text/calendar') ?? typed('application/ics');
  return part?.blobId
    ? { blobId: part.blobId, type: part.type ?? 'text/calendar', size: part.size ?? 0 }
    : null;
}

/** RFC 8620 §6.2: the part's bytes (UTF-8, RFC 5545 §3.1.4), read as the invitation. */
export async function fetchInvitation(
  session: Session,
  accountId: Id,
  part: CalendarPart,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<Invitation | null> {
  const url = downloadUrlFor(session, {
    accountId,
    blobId: part.blobId,
    name: 'invite.ics',
    type: part.type,
  });
  const response = await fetchImpl(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return parseInvitation(await response.text());
}

/** A blob never changes: read once per part. */
export function useInvitation(session: Session | undefined, accountId: Id, part: CalendarPart | null) {
  return useQuery({
    queryKey: [...calendarKeys.all, 'invitation', accountId, part?.blobId ?? ''] as const,
    queryFn: () => fetchInvitation(session!, accountId, part!),
    enabled: session !== undefined && part !== null,
    staleTime: Infinity,
  });
}
