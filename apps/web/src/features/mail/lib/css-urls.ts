/** True for URLs that would fetch from the network: http(s) and protocol-relative ones. */
export function isRemoteUrl(url: string): boolean {
  // Browsers drop tabs and newlines inside URLs, so "ht\ntp://" is still http.
  // The URL parser also strips leading C0 controls and spaces; charCode <= 32 covers both.
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 32) start += 1;
  const cleaned = url.slice(start).replace(/[\t\n\r]/g, '');
  return /^(?:https?:)?\/\//i.test(cleaned);
}

/** True for the only image sources the mail frame may show: inline data and cid: parts. */
export function isInlineImageUrl(url: string): boolean {
  const cleaned = url.replace(/[\t\n\r]/g, '').trim();
  return /^data:image\//i.test(cleaned) || /^cid:/i.test(cleaned);
}

// CSS escapes (`\75 rl(` is `url(`) would hide a URL from the patterns below; decoding them first
// keeps the rewrite honest. The frame's CSP stays the real guarantee.
function decodeCssEscapes(css: string): string {
  return css
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, hex: string) => {
      const code = parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\\(.)/g, '$1');
}

const URL_FUNCTION = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)/gi;
// image-set() and @import accept bare strings as URLs.
const URL_STRING = /"((?:https?:)?\/\/[^"]*)"|'((?:https?:)?\/\/[^']*)'/gi;
const IMPORT_RULE = /@import\b[^;]*;?/gi;

/**
 * Rewrites CSS so that it loads nothing: `@import` rules go, every `url()` other than an inline
 * image becomes `none` (valid wherever an image is), remote string URLs become "". Returns the
 * new CSS and how many remote references were removed.
 */
export function blockCssUrls(css: string): { css: string; blocked: number } {
  let blocked = 0;
  const rewritten = decodeCssEscapes(css)
    .replace(IMPORT_RULE, () => {
      blocked += 1;
      return '';
    })
    .replace(
      URL_FUNCTION,
      (whole, double: string | undefined, single: string | undefined, bare: string | undefined) => {
        const url = double ?? single ?? bare ?? '';
        if (isInlineImageUrl(url)) return whole;
        if (isRemoteUrl(url)) blocked += 1;
        return 'none';
      },
    )
    .replace(URL_STRING, () => {
      blocked += 1;
      return '""';
    });
  return { css: rewritten, blocked };
}
