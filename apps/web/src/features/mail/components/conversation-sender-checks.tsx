import { ShieldIcon } from '../../../components/icons';
import { AUTHENTICATION_RESULTS } from '../api/get-email';
import type { EmailDetail } from '../api/get-email';
import { conversationMessages } from '../conversation-messages';
import { authVerdict, lookalikeReasons, parseAuthenticationResults } from '../lib/conversation-sender-checks';
import type { AuthMethod, LookalikeReason } from '../lib/conversation-sender-checks';

const METHODS: readonly AuthMethod[] = ['dkim', 'spf', 'dmarc'];

function reasonText(reason: LookalikeReason): string {
  switch (reason.kind) {
    case 'punycode':
      return conversationMessages.lookalikePunycode(reason.domain);
    case 'mixed-script':
      return conversationMessages.lookalikeMixedScript(reason.domain);
    case 'name-shows-other-address':
      return conversationMessages.lookalikeNameAddress(reason.shown, reason.actual);
    default: {
      const unknown: never = reason;
      return String(unknown);
    }
  }
}

/**
 * The server's verdict on the sender (the first Authentication-Results: the one our SMTP server
 * prepends on delivery) as DKIM/SPF/DMARC chips, a warning when DMARC or DKIM fails, and one
 * when the sender looks like it imitates another. Mail that never crossed SMTP (the user's own,
 * imported) has no results, and shows none.
 */
export function ConversationSenderChecks({ email }: { email: EmailDetail }) {
  const auth = parseAuthenticationResults(email[AUTHENTICATION_RESULTS]?.[0]);
  const from = email.from?.[0];
  const lookalike = from ? lookalikeReasons(from) : [];
  const failed =
    auth !== null &&
    (authVerdict(auth.results.dmarc) === 'fail' || authVerdict(auth.results.dkim) === 'fail');
  return (
    <>
      {auth && (
        <ul className="conversation-auth" aria-label={conversationMessages.authLabel}>
          {METHODS.filter((method) => auth.results[method] !== undefined).map((method) => {
            const result = auth.results[method]!;
            return (
              <li key={method} className="conversation-auth__item" data-verdict={authVerdict(result)}>
                {conversationMessages.authResult(conversationMessages.authMethod[method], result)}
              </li>
            );
          })}
        </ul>
      )}
      {(failed || lookalike.length > 0) && (
        <div className="conversation-warning" role="alert">
          <ShieldIcon />
          <div>
            {failed && <p>{conversationMessages.authFailed}</p>}
            {lookalike.map((reason) => (
              <p key={reason.kind}>{reasonText(reason)}</p>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
