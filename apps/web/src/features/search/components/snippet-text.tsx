import { Fragment } from 'react';
import { snippetSegments } from '../lib/snippet-segments';

/** A SearchSnippet field as text with its matches in <mark>; nothing else of it is HTML. */
export function SnippetText({ html, fallback }: { html: string | null | undefined; fallback: string }) {
  const segments = snippetSegments(html);
  if (segments.length === 0) return <>{fallback}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.marked ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
