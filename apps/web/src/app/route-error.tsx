import { Link, useRouteError } from 'react-router';
import { shellMessages } from './messages';

/** Shown when a route throws while rendering: a way back rather than a blank page. */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="page-status page-status--error">
      <h1>{shellMessages.errorTitle}</h1>
      <p>{shellMessages.errorText}</p>
      <Link to="/mail">{shellMessages.errorBack}</Link>
    </main>
  );
}
