import { Button } from '@colibri/ui';
import { ShieldIcon } from '../../../components/icons';
import type { RemoteContentCounts } from '../lib/sanitize-email-html';
import { conversationMessages } from '../conversation-messages';

export interface ConversationRemoteBannerProps {
  counts: RemoteContentCounts;
  imagesAllowed: boolean;
  sender: string | undefined;
  onAllowOnce: () => void;
  /** Absent when the message has no sender address to remember. */
  onAllowSender: (() => void) | undefined;
}

/**
 * Says what remote content was blocked, and offers to load the images: once, or always for this
 * sender. Style sheets, media and frames stay blocked whatever the choice, so they are reported
 * but not offered.
 */
export function ConversationRemoteBanner({
  counts,
  imagesAllowed,
  sender,
  onAllowOnce,
  onAllowSender,
}: ConversationRemoteBannerProps) {
  const parts = conversationMessages.remoteContentParts(counts);
  if (parts.length === 0) return null;
  const canAllow = !imagesAllowed && counts.images + counts.cssUrls > 0;
  return (
    <div className="conversation-remote" role="status">
      <p className="conversation-remote__text">
        <ShieldIcon /> {conversationMessages.remoteContentBlocked(parts)}
      </p>
      {canAllow && (
        <div className="conversation-remote__actions">
          <Button variant="secondary" onClick={onAllowOnce}>
            {conversationMessages.showRemoteOnce}
          </Button>
          {sender && onAllowSender && (
            <Button variant="ghost" onClick={onAllowSender}>
              {conversationMessages.showRemoteAlways(sender)}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
