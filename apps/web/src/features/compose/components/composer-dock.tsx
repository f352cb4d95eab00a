import { useComposeAccount } from '../api/get-compose-account';
import { composeMessages } from '../messages';
import { useComposers } from '../stores/composer-store';
import { ComposerSlot } from './composer-slot';
import './composer.css';

/**
 * The open composers, docked at the bottom of the screen: open ones as windows, the others as
 * tabs. Loaded on demand (React.lazy): the editor is not part of the first screen's JavaScript.
 */
export function ComposerDock() {
  const composers = useComposers();
  const { account, error } = useComposeAccount();
  if (!account) {
    return error ? (
      <div className="composer-dock" role="alert">
        {composeMessages.loadError}
      </div>
    ) : null;
  }
  return (
    <div className="composer-dock">
      {composers.map((composer) => (
        <ComposerSlot key={composer.id} composer={composer} account={account} />
      ))}
    </div>
  );
}
