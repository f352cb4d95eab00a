import { Fragment, useMemo } from 'react';
import { linkify } from '../lib/linkify';

/** A plain-text body: kept as text (never parsed as HTML), with links and quoted lines marked. */
export function TextBody({ text }: { text: string }) {
  const lines = useMemo(() => text.replace(/\r\n?/g, '\n').split('\n'), [text]);
  return (
    <div className="text-body">
      {lines.map((line, index) => (
        <Fragment key={index}>
          <span className={line.startsWith('>') ? 'text-body__quote' : undefined}>
            {linkify(line).map((segment, i) =>
              segment.kind === 'link' ? (
                <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer">
                  {segment.text}
                </a>
              ) : (
                <Fragment key={i}>{segment.text}</Fragment>
              ),
            )}
          </span>
          {index < lines.length - 1 && '\n'}
        </Fragment>
      ))}
    </div>
  );
}
