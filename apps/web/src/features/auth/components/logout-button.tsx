import { Button } from '@colibri/ui';
import { useLogout } from '../api/logout';
import { authMessages } from '../messages';

export function LogoutButton() {
  const logout = useLogout();
  return (
    <Button variant="ghost" disabled={logout.isPending} onClick={() => logout.mutate()}>
      {logout.isPending ? authMessages.loggingOut : authMessages.logout}
    </Button>
  );
}
