import type { SubmissionAccountCapability } from '@colibri/jmap-types';
import { submissionLimits } from '@colibri/mail-store';
import { toUtcDate } from '../shared/dates.js';

/** RFC 8621 §1.3.2: how long a submission may be held (the store's limit, 30 days), in seconds. */
export const MAX_DELAYED_SEND_SECONDS = submissionLimits.maxDelayedSendMs / 1000;

/**
 * RFC 8621 §1.3.2: the submission account capability. Delayed send is RFC 4865 FUTURERELEASE,
 * whose EHLO arguments are the longest hold in seconds and the latest release date-time.
 */
export function submissionAccountCapability(now: Date): SubmissionAccountCapability {
  const latest = new Date(Math.floor(now.getTime() / 1000) * 1000 + submissionLimits.maxDelayedSendMs);
  return {
    maxDelayedSend: MAX_DELAYED_SEND_SECONDS,
    submissionExtensions: { FUTURERELEASE: [String(MAX_DELAYED_SEND_SECONDS), toUtcDate(latest)] },
  };
}
