import { useEffect, useRef } from 'react';
import { Avatar } from '@colibri/ui';
import { meetMessages } from '../messages';

const t = meetMessages.room;

/** The part of a LiveKit track a tile needs: attach to and detach from a media element. */
export interface AttachableTrack {
  attach: (element: HTMLMediaElement) => HTMLMediaElement;
  detach: (element: HTMLMediaElement) => HTMLMediaElement;
}

export interface TileView {
  key: string;
  name: string;
  isLocal: boolean;
  speaking: boolean;
  muted: boolean;
  hand: boolean;
  /** The camera, or the shared screen for a screen tile. */
  video: AttachableTrack | null;
  isScreen: boolean;
}

/** One participant (or one shared screen) of the grid; the active speaker is outlined. */
export function ParticipantTile({ view }: { view: TileView }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const { video } = view;
  useEffect(() => {
    const element = videoRef.current;
    if (!element || !video) return;
    video.attach(element);
    return () => {
      video.detach(element);
    };
  }, [video]);
  const label = view.isScreen ? t.screenOf(view.name) : view.isLocal ? t.you(view.name) : view.name;
  return (
    <figure
      className={`meet-tile${view.speaking ? ' meet-tile--speaking' : ''}${view.isScreen ? ' meet-tile--screen' : ''}`}
      aria-label={label}
    >
      {video ? (
        <video
          ref={videoRef}
          autoPlay
          playsInline
          muted
          className={view.isLocal && !view.isScreen ? 'meet-mirror' : undefined}
        />
      ) : (
        <Avatar name={view.name} size="lg" decorative />
      )}
      <figcaption>
        <span dir="auto">{label}</span>
        {view.hand && !view.isScreen && (
          <span className="meet-badge" title={t.handRaised}>
            <span aria-hidden="true">✋</span>
            <span className="meet-visually-hidden">{t.handRaised}</span>
          </span>
        )}
        {view.muted && !view.isScreen && <span className="meet-badge">{t.muted}</span>}
        {view.speaking && <span className="meet-visually-hidden">{t.speaking}</span>}
      </figcaption>
    </figure>
  );
}
