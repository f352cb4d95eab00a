// Private-use markers that an index puts around matches; the text is HTML-escaped afterwards and
// only then are they turned into <mark> tags, so stored text can never inject markup.
export const markOpen = '\uE000';
export const markClose = '\uE001';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escaped HTML with the marked matches in `<mark>`, or null when nothing is marked. */
export function markedToHtml(marked: string | undefined): string | null {
  if (marked === undefined || !marked.includes(markOpen)) return null;
  return escapeHtml(marked).replaceAll(markOpen, '<mark>').replaceAll(markClose, '</mark>');
}
