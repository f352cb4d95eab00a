import type { ComposeAccount } from '../api/get-compose-account';
import { useAutosave } from '../hooks/use-autosave';
import { useComposerLoader } from '../hooks/use-composer-loader';
import { composeMessages } from '../messages';
import { useComposerActions } from '../stores/composer-store';
import type { Composer } from '../stores/composer-store';
import { ComposerWindow } from './composer-window';

/** A composer, open or folded into a dock; it loads and saves either way. */
export function ComposerSlot({ composer, account }: { composer: Composer; account: ComposeAccount }) {
  useComposerLoader(composer, account);
  useAutosave(composer, account);
  const { composerMinimised } = useComposerActions();
  if (!composer.minimised) return <ComposerWindow composer={composer} account={account} />;
  const subject = composer.status === 'loading' ? composeMessages.loading : composer.content.subject;
  return (
    <div className="composer-dock__tab">
      <button
        type="button"
        className="composer-dock__restore"
        aria-label={composeMessages.restore(subject)}
        onClick={() => composerMinimised(composer.id, false)}
      >
        {subject || composeMessages.newMessage}
      </button>
    </div>
  );
}
