import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../api/get-me';
import { authMessages } from '../messages';
import { LoginForm } from './login-form';

/** Only same-app paths are followed after login, so `?next=` cannot send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/mail';
}

export function LoginPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-card__brand" aria-hidden="true">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>Colibri</span>
        </div>
        <h1 className="login-card__title">{authMessages.loginTitle}</h1>
        <p className="login-card__subtitle">{authMessages.loginSubtitle}</p>
        <LoginForm onLoggedIn={() => navigate(next, { replace: true })} />
      </div>
    </main>
  );
}
