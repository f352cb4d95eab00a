import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, TextField } from '@colibri/ui';
import { describeLoginError, useLogin } from '../api/login';
import type { LoginFailure } from '../api/login';
import type { CurrentUser } from '../api/get-me';
import { authMessages } from '../messages';
import { useCountdown } from './use-countdown';

export interface LoginFormProps {
  onLoggedIn: (user: CurrentUser) => void;
}

/** Email + password form; shows the BFF's message on 401 and waits out a 429's delay. */
export function LoginForm({ onLoggedIn }: LoginFormProps) {
  const login = useLogin();
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    setFailure(null);
    login.mutate(
      { username, password },
      {
        onSuccess: onLoggedIn,
        onError: (error) => {
          const described = describeLoginError(error);
          setFailure(described);
          setRetryAt(described.retryAfter === null ? null : Date.now() + described.retryAfter * 1000);
        },
      },
    );
  }

  const waiting = waitSeconds > 0;
  return (
    <form
      className="login-form"
      onSubmit={submit}
      noValidate
      aria-describedby={failure ? 'login-error' : undefined}
    >
      <TextField
        label={authMessages.emailLabel}
        name="username"
        type="email"
        autoComplete="username"
        required
        autoFocus
      />
      <TextField
        label={authMessages.passwordLabel}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      {failure && (
        <div id="login-error" className="login-form__error" role="alert">
          <p>{failure.message}</p>
          {waiting && <p className="login-form__retry">{authMessages.retryIn(waitSeconds)}</p>}
        </div>
      )}
      <Button
        type="submit"
        variant="primary"
        disabled={login.isPending || waiting}
        aria-busy={login.isPending}
      >
        {login.isPending ? authMessages.submitting : authMessages.submit}
      </Button>
    </form>
  );
}
