import { Link, useRouteError } from 'react-router';

/** Shown when a route throws while rendering: a way back rather than a blank page. */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="page-status page-status--error">
      <h1>Something went wrong</h1>
      <p>Colibri hit an unexpected error on this screen.</p>
      <Link to="/mail">Back to the mail</Link>
    </main>
  );
}
