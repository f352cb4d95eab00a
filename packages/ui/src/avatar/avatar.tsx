import { classNames } from '../internal/class-names';
import { avatarInitials, avatarTone } from './avatar-identity';
import './avatar.css';

export type AvatarSize = 'sm' | 'md' | 'lg';

export interface AvatarProps {
  /** The person's display name; may be empty when only the address is known. */
  name: string;
  /** The address; it chooses the colour (stable per address), and the initials when `name` has none. */
  email?: string;
  /** `sm` 24px, `md` 40px (default), `lg` 56px. */
  size?: AvatarSize;
  /**
   * Hide the avatar from assistive technology when the name is already written beside it
   * (message header, account menu). Otherwise it is an image labelled with the name.
   */
  decorative?: boolean;
  className?: string;
}

/** Initials on a colour derived from the email address. */
export function Avatar({ name, email, size = 'md', decorative = false, className }: AvatarProps) {
  const tone = avatarTone(email ?? name);
  const label = name.trim() || email || undefined;
  return (
    <span
      className={classNames('cb-avatar', `cb-avatar--${size}`, `cb-avatar--tone-${tone}`, className)}
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label })}
    >
      {avatarInitials(name, email)}
    </span>
  );
}
