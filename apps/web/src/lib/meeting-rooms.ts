import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';

/**
 * How the calendar makes video meeting rooms without importing the meetings feature (a feature
 * never imports another, STYLE 6): the app shell provides the meetings feature's `/meet` client.
 */
export interface MeetingRoomLink {
  roomId: string;
  /** The shareable join link (`/meet/<roomId>` on this server's public origin). */
  url: string;
}

export type MeetingRoomResult = ({ ok: true } & MeetingRoomLink) | { ok: false };

export interface MeetingRooms {
  /** A new room; with `eventId`, tied to that event of the user (its invitees join directly). */
  create(input: { title?: string; eventId?: string }): Promise<MeetingRoomResult>;
  /** Ties a room made before its event existed (a new event) to the event once it is saved. */
  attach(roomId: string, eventId: string): Promise<boolean>;
  /** Deletes one of the user's rooms: its link stops working. */
  remove(roomId: string): Promise<boolean>;
}

const MeetingRoomsContext = createContext<MeetingRooms | null>(null);

/** Provided by the app shell with the meetings feature's `meetingRoomsClient()`. */
export function MeetingRoomsProvider({ rooms, children }: { rooms: MeetingRooms; children: ReactNode }) {
  return createElement(MeetingRoomsContext, { value: rooms }, children);
}

/** The rooms service when a shell provides one, else null (no "Add a video meeting" then). */
export function useMeetingRooms(): MeetingRooms | null {
  return useContext(MeetingRoomsContext);
}
