import { JmapMethodError, JmapRequestError } from '@colibri/jmap-client';
import { SettingsSetError } from '../api/set-error';
import { settingsMessages } from '../messages';

/** What to tell the user about a failed save: the server's refusal in words, or the network. */
export function refusalText(error: unknown): string {
  if (error instanceof SettingsSetError) {
    const { type, properties, description } = error.setError;
    return settingsMessages.refused(settingsMessages.refusedType(type, properties, description));
  }
  if (error instanceof JmapMethodError) return settingsMessages.refused(error.description ?? error.type);
  if (error instanceof JmapRequestError) return settingsMessages.refused(error.detail ?? error.type);
  return settingsMessages.network;
}
