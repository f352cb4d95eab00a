// @colibri/ui: the design system. Pure presentation (props in, events out); styles come with
// each component, design tokens from "@colibri/ui/tokens.css" (import it once in the app).
export { Avatar } from './avatar/avatar';
export type { AvatarProps, AvatarSize } from './avatar/avatar';
export { avatarInitials, avatarTone } from './avatar/avatar-identity';
export { Button } from './button/button';
export type { ButtonProps, ButtonVariant } from './button/button';
export { ListRow } from './list-row/list-row';
export type { ListRowProps, ListRowSelectEvent } from './list-row/list-row';
export { MailboxTreeItem } from './mailbox-tree-item/mailbox-tree-item';
export type { MailboxTreeItemProps } from './mailbox-tree-item/mailbox-tree-item';
export { MessageHeader } from './message-header/message-header';
export type { MessageHeaderLabels, MessageHeaderProps } from './message-header/message-header';
export { Toast } from './toast/toast';
export type { ToastProps } from './toast/toast';
export { TextField } from './text-field/text-field';
export type { TextFieldProps } from './text-field/text-field';
