import { Suspense, lazy } from 'react';
import { Button } from '@colibri/ui';
import { useComposeAccountId } from '../api/get-compose-account';
import { usePersistComposers } from '../hooks/use-persist-composers';
import { composeMessages } from '../messages';
import { useComposerStore, useOpenComposer } from '../stores/composer-store';
import { ScheduledSends } from './scheduled-sends';
import { SendToasts } from './send-toasts';
import './compose-entry.css';

// The editor (tiptap, ProseMirror) and the composer load on demand, not with the first screen.
const ComposerDock = lazy(() =>
  import('./composer-dock').then((module) => ({ default: module.ComposerDock })),
);

/**
 * The compose feature's place in the app shell: the Compose button, the scheduled messages, the
 * open composers (docked at the bottom) and the send toasts. Composers opened before a reload
 * come back from their drafts. Nothing here asks the server anything until it is used.
 */
export function ComposeEntry() {
  const open = useOpenComposer();
  const accountId = useComposeAccountId();
  usePersistComposers(accountId);
  const hasComposers = useComposerStore((state) => state.composers.length > 0);
  return (
    <div className="compose-entry">
      <Button variant="primary" onClick={() => open({ mode: 'new' })}>
        {composeMessages.compose}
      </Button>
      <ScheduledSends />
      {hasComposers && (
        <Suspense fallback={null}>
          <ComposerDock />
        </Suspense>
      )}
      <SendToasts />
    </div>
  );
}
