import { describe, expect, it } from 'vitest';
import { snippetSegments } from './snippet-segments';

describe('snippetSegments', () => {
  it('splits marked matches from text and decodes entities', () => {
    expect(snippetSegments('The <mark>budget</mark> for Q1 &amp; Q2 &lt;draft&gt;')).toEqual([
      { text: 'The ', marked: false },
      { text: 'budget', marked: true },
      { text: ' for Q1 & Q2 <draft>', marked: false },
    ]);
  });

  it('never turns other markup into elements: it stays text', () => {
    expect(snippetSegments('<img src=x onerror=alert(1)><mark>hit</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: 'hit', marked: true },
    ]);
  });

  it('tolerates unbalanced marks, bad entities and nothing at all', () => {
    expect(snippetSegments('<mark>open &#xD800; &bogus; &#1114112;')).toEqual([
      { text: 'open &#xD800; &bogus; &#1114112;', marked: true },
    ]);
    expect(snippetSegments(null)).toEqual([]);
    expect(snippetSegments('')).toEqual([]);
  });
});
