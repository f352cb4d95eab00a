import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import { showDesktopNotice } from '../../../lib/desktop-notifications';
import { notificationsEnabled } from '../../../lib/device-preferences';
import { useJmapClient } from '../../../lib/jmap';
import { newMailNotice } from '../lib/new-mail-notice';
import type { NewMailCandidate } from '../lib/new-mail-notice';
import { notificationMessages } from '../notification-messages';

/** RFC 8620 §5.2: more changes than this since the last push and we start over without a notice. */
const MAX_CHANGES = 200;
/**
 * Pushes closer together than this make one notice: a server may push once per stored message,
 * so two messages of one delivery (or one Email/set) would otherwise ring twice.
 */
const BURST_MS = 400;

interface Baseline {
  emailState: string;
  inboxId: Id | null;
}

/** The account's current Email state and Inbox: the line before which nothing is news. */
async function readBaseline(client: JmapClient, accountId: Id): Promise<Baseline> {
  const { emails, inbox } = await client.request((b) => ({
    emails: b.call('Email/get', { accountId, ids: [], properties: ['id'] }),
    inbox: b.call('Mailbox/query', { accountId, filter: { role: 'inbox' } }),
  }));
  return { emailState: emails.state, inboxId: inbox.ids[0] ?? null };
}

/** RFC 8620 §5.2: the emails created since `sinceState`, and the new state. */
async function createdSince(client: JmapClient, accountId: Id, sinceState: string) {
  const { changes, created } = await client.request((b) => {
    const changes = b.call('Email/changes', { accountId, sinceState, maxChanges: MAX_CHANGES });
    const created = b.call('Email/get', {
      accountId,
      ids: ref(changes, '/created'),
      properties: ['id', 'from', 'subject', 'mailboxIds', 'keywords'],
    });
    return { changes, created };
  });
  return {
    newState: changes.newState,
    hasMore: changes.hasMoreChanges,
    emails: created.list as NewMailCandidate[],
  };
}

/** The user is looking at the Inbox: the list shows the news, a notice would only repeat it. */
function watchingInbox(inboxId: Id): boolean {
  return (
    document.visibilityState === 'visible' &&
    document.hasFocus() &&
    globalThis.location.pathname.startsWith(`/mail/${encodeURIComponent(inboxId)}`)
  );
}

/**
 * Desktop notices of new Inbox mail (issue 5), fed by push: the returned function takes each
 * pushed Email state. It asks what was created since the last state it saw (Email/changes, so
 * mail the user already had is never news) and shows at most one notice per push, grouped when
 * several arrived; pushes within BURST_MS of each other count as one. They are handled one at a
 * time, in order. Off unless the user turned notifications on and the browser allows them.
 */
export function useNewMailNotifier(accountId: Id): (emailState: string) => void {
  const client = useJmapClient();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const queue = useRef<Promise<Baseline | null>>(Promise.resolve(null));
  const handler = useRef<(emailState: string) => void>(() => undefined);

  useEffect(() => {
    let stopped = false;
    let burst: ReturnType<typeof setTimeout> | undefined;
    queue.current = readBaseline(client, accountId).catch(() => null);
    const handle = (pushedState: string) => {
      queue.current = queue.current.then(async (baseline) => {
        if (stopped) return baseline;
        if (!baseline || !notificationsEnabled()) {
          // Nothing said while off: when turned on, only mail from then on is news.
          return baseline
            ? { ...baseline, emailState: pushedState }
            : readBaseline(client, accountId).catch(() => null);
        }
        if (pushedState === baseline.emailState) return baseline;
        try {
          const { newState, hasMore, emails } = await createdSince(client, accountId, baseline.emailState);
          const next = { ...baseline, emailState: newState };
          if (hasMore || !baseline.inboxId || stopped || watchingInbox(baseline.inboxId)) return next;
          const notice = newMailNotice(emails, baseline.inboxId, notificationMessages);
          const inboxId = baseline.inboxId;
          if (notice) {
            showDesktopNotice({
              title: notice.title,
              body: notice.body,
              tag: `colibri-new-mail-${accountId}`,
              onClick: () =>
                void navigateRef.current(
                  notice.emailId
                    ? `/mail/${encodeURIComponent(inboxId)}/${encodeURIComponent(notice.emailId)}`
                    : `/mail/${encodeURIComponent(inboxId)}`,
                ),
            });
          }
          return next;
        } catch {
          // cannotCalculateChanges or a network fault: start over from now, without a notice.
          return readBaseline(client, accountId).catch(() => null);
        }
      });
    };
    handler.current = (pushedState) => {
      clearTimeout(burst);
      burst = setTimeout(() => handle(pushedState), BURST_MS);
    };
    return () => {
      stopped = true;
      clearTimeout(burst);
    };
  }, [client, accountId]);

  return useRef((emailState: string) => handler.current(emailState)).current;
}
