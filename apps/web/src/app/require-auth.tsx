import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '@colibri/ui';
import { PageStatus } from '../components/page-status';
import { useMe } from '../features/auth/api/get-me';
import { authMessages } from '../features/auth/messages';

/** Renders the child routes for a logged-in user; anyone else goes to /login and comes back after. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageStatus>{authMessages.checkingSession}</PageStatus>;
  if (me.isError) {
    return (
      <PageStatus
        tone="error"
        action={<Button onClick={() => void me.refetch()}>{authMessages.retry}</Button>}
      >
        {authMessages.network}
      </PageStatus>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
