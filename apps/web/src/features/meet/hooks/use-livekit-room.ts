import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { DisconnectReason, Room, RoomEvent } from 'livekit-client';
import type { RemoteParticipant } from 'livekit-client';
import type { JoinGrant } from '../api/meet-http';
import {
  CHAT_TOPIC,
  HAND_TOPIC,
  MAX_CHAT_LENGTH,
  appendChat,
  decodeChat,
  decodeHand,
  encodeChat,
  encodeHand,
} from '../lib/room-data';
import type { ChatLine } from '../lib/room-data';
import type { JoinChoices } from '../stores/meet-ui-store';

/**
 * Where the connection stands. LiveKit reconnects by itself after a network drop
 * (Reconnecting, then Reconnected or Disconnected); 'left' is our own leave.
 */
export type RoomStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'failed' | 'left';

/** Events that change what the room screen shows: each one re-renders it. */
const VIEW_EVENTS = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.ActiveSpeakersChanged,
  RoomEvent.ParticipantNameChanged,
  RoomEvent.ConnectionQualityChanged,
] as const;

export interface LivekitRoom {
  room: Room | null;
  status: RoomStatus;
  /** True for a few seconds after a reconnection, to say so. */
  justReconnected: boolean;
  chat: readonly ChatLine[];
  /** Identities with a raised hand (the local one included). */
  hands: ReadonlySet<string>;
  deviceFailed: boolean;
  sendChat: (text: string) => Promise<void>;
  setHand: (raised: boolean) => Promise<void>;
  toggleMicrophone: () => Promise<void>;
  toggleCamera: () => Promise<void>;
  toggleScreenShare: () => Promise<void>;
  leave: () => Promise<void>;
}

const RECONNECTED_NOTICE_MS = 4_000;

/** Connects to the LiveKit room of a grant (livekit-client `Room`) and follows it for the screen. */
export function useLivekitRoom(grant: JoinGrant, choices: JoinChoices): LivekitRoom {
  const [room, setRoom] = useState<Room | null>(null);
  const [status, setStatus] = useState<RoomStatus>('connecting');
  const [justReconnected, setJustReconnected] = useState(false);
  const [chat, setChat] = useState<ChatLine[]>([]);
  const [hands, setHands] = useState<ReadonlySet<string>>(new Set());
  const [deviceFailed, setDeviceFailed] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const handRaised = useRef(false);
  const initial = useRef(choices);

  useEffect(() => {
    const { cameraId, microphoneId, micMuted, cameraOff } = initial.current;
    const next = new Room({
      adaptiveStream: true,
      dynacast: true,
      videoCaptureDefaults: cameraId ? { deviceId: cameraId } : {},
      audioCaptureDefaults: microphoneId ? { deviceId: microphoneId } : {},
    });
    let leaving = false;
    for (const event of VIEW_EVENTS) next.on(event, rerender);
    const withHand = (identity: string, raised: boolean) =>
      setHands((current) => {
        const copy = new Set(current);
        if (raised) copy.add(identity);
        else copy.delete(identity);
        return copy;
      });
    next
      .on(RoomEvent.Reconnecting, () => setStatus('reconnecting'))
      .on(RoomEvent.SignalReconnecting, () => setStatus('reconnecting'))
      .on(RoomEvent.Reconnected, () => {
        setStatus('connected');
        setJustReconnected(true);
      })
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        setStatus(leaving || reason === DisconnectReason.CLIENT_INITIATED ? 'left' : 'disconnected');
      })
      .on(RoomEvent.ParticipantConnected, (participant: RemoteParticipant) => {
        // A newcomer learns whose hand is already up from each raised hand.
        if (handRaised.current) {
          void next.localParticipant
            .publishData(encodeHand(true), {
              reliable: true,
              topic: HAND_TOPIC,
              destinationIdentities: [participant.identity],
            })
            .catch(() => undefined);
        }
      })
      .on(RoomEvent.ParticipantDisconnected, (participant: RemoteParticipant) =>
        withHand(participant.identity, false),
      )
      .on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
        if (!participant) return;
        if (topic === CHAT_TOPIC) {
          const line = decodeChat(payload);
          if (!line) return;
          setChat((lines) =>
            appendChat(lines, {
              ...line,
              from: participant.identity,
              name: participant.name || participant.identity,
              sentAt: Date.now(),
              mine: false,
            }),
          );
        } else if (topic === HAND_TOPIC) {
          const raised = decodeHand(payload);
          if (raised !== null) withHand(participant.identity, raised);
        }
      });
    setRoom(next);
    setStatus('connecting');
    next
      .connect(grant.serverUrl, grant.token)
      .then(async () => {
        if (leaving) return;
        setStatus('connected');
        // The devices chosen before joining; a refused device must not stop the meeting.
        const results = await Promise.allSettled([
          next.localParticipant.setMicrophoneEnabled(!micMuted),
          next.localParticipant.setCameraEnabled(!cameraOff),
        ]);
        if (results.some((result) => result.status === 'rejected')) setDeviceFailed(true);
        rerender();
      })
      .catch(() => {
        if (!leaving) setStatus('failed');
      });
    return () => {
      leaving = true;
      next.removeAllListeners();
      void next.disconnect();
    };
  }, [grant]);

  useEffect(() => {
    if (!justReconnected) return;
    const timer = setTimeout(() => setJustReconnected(false), RECONNECTED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [justReconnected]);

  const sendChat = useCallback(
    async (text: string) => {
      const trimmed = text.trim();
      if (!room || trimmed === '' || trimmed.length > MAX_CHAT_LENGTH) return;
      const id = crypto.randomUUID();
      await room.localParticipant.publishData(encodeChat(id, trimmed), { reliable: true, topic: CHAT_TOPIC });
      const me = room.localParticipant;
      setChat((lines) =>
        appendChat(lines, {
          id,
          from: me.identity,
          name: me.name || me.identity,
          text: trimmed,
          sentAt: Date.now(),
          mine: true,
        }),
      );
    },
    [room],
  );

  const setHand = useCallback(
    async (raised: boolean) => {
      if (!room) return;
      handRaised.current = raised;
      const identity = room.localParticipant.identity;
      setHands((current) => {
        const copy = new Set(current);
        if (raised) copy.add(identity);
        else copy.delete(identity);
        return copy;
      });
      await room.localParticipant.publishData(encodeHand(raised), { reliable: true, topic: HAND_TOPIC });
    },
    [room],
  );

  const guarded = useCallback(
    (change: (room: Room) => Promise<unknown>) => async () => {
      if (!room) return;
      try {
        setDeviceFailed(false);
        await change(room);
      } catch (error) {
        // Closing the browser's screen picker is a choice, not a failure.
        if (!(error instanceof Error && error.name === 'NotAllowedError')) setDeviceFailed(true);
      }
      rerender();
    },
    [room],
  );

  return {
    room,
    status,
    justReconnected,
    chat,
    hands,
    deviceFailed,
    sendChat,
    setHand,
    toggleMicrophone: guarded((r) =>
      r.localParticipant.setMicrophoneEnabled(!r.localParticipant.isMicrophoneEnabled),
    ),
    toggleCamera: guarded((r) => r.localParticipant.setCameraEnabled(!r.localParticipant.isCameraEnabled)),
    toggleScreenShare: guarded((r) =>
      r.localParticipant.setScreenShareEnabled(!r.localParticipant.isScreenShareEnabled, { audio: true }),
    ),
    leave: useCallback(async () => {
      if (!room) return;
      setStatus('left');
      await room.disconnect();
    }, [room]),
  };
}
