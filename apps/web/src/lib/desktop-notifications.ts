/*
 * The browser's Notification API (the platform global, read at each call so that tests and
 * Playwright's init scripts can replace it). The user's on/off choice is in device-preferences.
 */

export type NotificationState = NotificationPermission | 'unsupported';

function api(): typeof Notification | undefined {
  return typeof globalThis.Notification === 'function' ? globalThis.Notification : undefined;
}

/** What the browser allows now: granted, denied ("blocked"), default (not asked yet), or unsupported. */
export function notificationState(): NotificationState {
  return api()?.permission ?? 'unsupported';
}

/** Asks the browser (only from a user gesture: browsers ignore the request otherwise). */
export async function requestNotificationPermission(): Promise<NotificationState> {
  const Impl = api();
  if (!Impl) return 'unsupported';
  return Impl.requestPermission();
}

export interface DesktopNotice {
  title: string;
  body: string;
  /** Notices with the same tag replace each other instead of piling up. */
  tag: string;
  onClick: () => void;
}

/** Shows a notice if the browser allows it; answers whether it did. */
export function showDesktopNotice(notice: DesktopNotice): boolean {
  const Impl = api();
  if (!Impl || Impl.permission !== 'granted') return false;
  const shown = new Impl(notice.title, { body: notice.body, tag: notice.tag });
  shown.onclick = () => {
    globalThis.focus();
    notice.onClick();
    shown.close();
  };
  return true;
}
