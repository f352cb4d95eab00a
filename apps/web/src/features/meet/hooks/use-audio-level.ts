import { useEffect, useState } from 'react';

/**
 * The loudness of a stream's microphone, 0 to 1, for the pre-join level meter (Web Audio
 * AnalyserNode). Null where there is no audio track or no Web Audio (then no meter is shown).
 */
export function useAudioLevel(stream: MediaStream | null): number | null {
  const [level, setLevel] = useState<number | null>(null);
  useEffect(() => {
    const AudioContextClass = globalThis.AudioContext;
    if (!stream || stream.getAudioTracks().length === 0 || !AudioContextClass) {
      setLevel(null);
      return;
    }
    const context = new AudioContextClass();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    const source = context.createMediaStreamSource(stream);
    source.connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    const measure = () => {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
      // RMS, scaled so that speech fills most of the meter; in twentieths, so that a steady
      // sound does not re-render at every frame.
      setLevel(Math.round(Math.min(1, Math.sqrt(sum / samples.length) * 4) * 20) / 20);
      frame = requestAnimationFrame(measure);
    };
    frame = requestAnimationFrame(measure);
    return () => {
      cancelAnimationFrame(frame);
      source.disconnect();
      void context.close();
    };
  }, [stream]);
  return level;
}
