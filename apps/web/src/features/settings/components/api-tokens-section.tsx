import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@colibri/ui';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/api-tokens';
import type { CreatedApiToken } from '../api/api-tokens';
import { settingsMessages } from '../messages';
import { SectionStatus, SettingsSection } from './settings-section';

const t = settingsMessages.apiTokens;
const day = new Intl.DateTimeFormat(settingsMessages.locale, { dateStyle: 'medium' });
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * API tokens for other JMAP clients (issue 4: "created in settings or with the CLI"): the list
 * with when each was made and last used, a form that makes one and shows its secret once, and
 * revoke. The server keeps only a digest, so a lost secret means a new token.
 */
export function ApiTokensSection() {
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const nameId = useId();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCopied(false);
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
      },
    });
  };
  const copy = async (secret: string) => {
    await navigator.clipboard?.writeText(secret);
    setCopied(true);
  };
  const failure = create.error ?? revoke.error;

  return (
    <SettingsSection heading={t.heading} intro={t.intro}>
      {created && (
        <div className="settings-token-created" role="status">
          <p>{t.created(created.name)}</p>
          <label htmlFor={`${nameId}-secret`}>{t.secretLabel}</label>
          <input id={`${nameId}-secret`} readOnly value={created.token} onFocus={(e) => e.target.select()} />
          <Button type="button" onClick={() => void copy(created.token)}>
            {t.copy}
          </Button>
          {copied && <span>{t.copied}</span>}
          <Button type="button" variant="ghost" onClick={() => setCreated(null)}>
            {t.done}
          </Button>
        </div>
      )}
      {tokens.data ? (
        tokens.data.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul className="settings-token-list">
            {tokens.data.map((token) => (
              <li key={token.id}>
                <span dir="auto">{token.name}</span>{' '}
                <span className="settings-hint">
                  {t.createdOn(day.format(new Date(token.createdAt)))},{' '}
                  {token.lastUsedAt ? t.lastUsed(day.format(new Date(token.lastUsedAt))) : t.neverUsed}
                </span>{' '}
                <Button
                  type="button"
                  variant="ghost"
                  aria-label={t.revokeLabel(token.name)}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(token.id)}
                >
                  {t.revoke}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : (
        <SectionStatus
          loading={t.loading}
          error={tokens.error ? t.loadError : null}
          retryLabel={settingsMessages.retry}
          onRetry={() => void tokens.refetch()}
        />
      )}
      <form className="settings-token-form" onSubmit={submit}>
        <label htmlFor={nameId}>{t.name}</label>
        <input id={nameId} value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        <Button type="submit" disabled={create.isPending || name.trim() === ''}>
          {t.create}
        </Button>
      </form>
      {failure && <p role="alert">{t.failed(reasonOf(failure))}</p>}
    </SettingsSection>
  );
}
