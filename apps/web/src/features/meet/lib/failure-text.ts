import type { MeetFailure } from '../api/meet-http';
import type { MediaProblem } from '../hooks/use-media-preview';
import { meetMessages } from '../messages';

const t = meetMessages.prejoin;

/** The sentence a person reads when joining did not work. */
export function failureText(failure: MeetFailure): string {
  switch (failure) {
    case 'notConfigured':
      return t.notConfigured;
    case 'inviteesOnly':
    case 'unauthorized':
      return t.inviteesOnly;
    case 'notFound':
      return t.notFound;
    case 'nameRequired':
      return t.nameRequired;
    case 'network':
      return t.network;
    case 'server':
      return t.serverError;
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** The sentence shown when the preview has no camera or microphone. */
export function mediaProblemText(problem: MediaProblem): string {
  switch (problem) {
    case 'refused':
      return t.mediaRefused;
    case 'absent':
      return t.mediaAbsent;
    case 'busy':
      return t.mediaBusy;
    case 'unsupported':
      return t.mediaUnsupported;
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}
