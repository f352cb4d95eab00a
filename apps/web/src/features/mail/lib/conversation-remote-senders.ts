/** localStorage key of the senders whose remote images are always shown. */
export const REMOTE_SENDERS_KEY = 'colibri.mail.remoteContentSenders';
/** A list past this size drops its oldest entries: the setting must not grow without bound. */
export const MAX_REMOTE_SENDERS = 2000;

type Listener = () => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (private mode, policy): remote content is then allowed once only
  }
}

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(REMOTE_SENDERS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

const normalise = (email: string) => email.trim().toLowerCase();

/** True when the user chose "always show remote images" for this sender address. */
export function isRemoteContentAllowedFor(email: string | undefined): boolean {
  return email !== undefined && read().includes(normalise(email));
}

/** Remembers the sender in this browser (localStorage), and tells every open message. */
export function allowRemoteContentFor(email: string): void {
  const address = normalise(email);
  const senders = [...read().filter((item) => item !== address), address].slice(-MAX_REMOTE_SENDERS);
  try {
    storage()?.setItem(REMOTE_SENDERS_KEY, JSON.stringify(senders));
  } catch {
    // Full or disabled storage: the choice holds for this page only.
  }
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: changes made here, and in other tabs (the storage event). */
export function subscribeRemoteSenders(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === REMOTE_SENDERS_KEY) listener();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}
