import { Avatar } from '@colibri/ui';
import type { AvatarSize } from '@colibri/ui';
import { shownPhotoUri } from '../lib/photo';
import type { WithMedia } from '../lib/photo';

const PIXELS: Record<AvatarSize, number> = { sm: 24, md: 40, lg: 56 };

/** A card's photo (RFC 9553 §2.6.4) when it has one that can be shown, else its initials. */
export function ContactAvatar({
  card,
  name,
  email,
  size = 'md',
}: {
  card: WithMedia;
  name: string;
  email: string;
  size?: AvatarSize;
}) {
  const uri = shownPhotoUri(card);
  if (!uri) return <Avatar name={name} email={email} size={size} decorative />;
  const px = PIXELS[size];
  // Decorative as the initials are: the name is written beside it.
  return <img className="contacts-photo" src={uri} alt="" width={px} height={px} />;
}
