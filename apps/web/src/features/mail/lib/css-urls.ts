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
const FONT_FACE_RULE = /@font-face\s*\{[^}]*\}?/gi;

/**
 * Rewrites CSS so that it loads nothing: `@import` rules go, every `url()` other than an inline
 * image becomes `none` (valid wherever an image is), remote string URLs become "". Returns the
 * new CSS, how many remote references were removed and how many `@import`s. With
 * `allowRemoteImages` (the user allowed remote content), remote `url()`s stay, upgraded to https.
 */
export function blockCssUrls(
  css: string,
  options: { allowRemoteImages?: boolean } = {},
): { css: string; blocked: number; imports: number } {
  let blocked = 0;
  let imports = 0;
  const rewriteUrls = (text: string, allow: boolean) =>
    text
      .replace(
        URL_FUNCTION,
        (whole, double: string | undefined, single: string | undefined, bare: string | undefined) => {
          const url = double ?? single ?? bare ?? '';
          if (isInlineImageUrl(url)) return whole;
          if (isRemoteUrl(url)) {
            if (allow) return `url("${cssString(toHttps(url))}")`;
            blocked += 1;
          }
          return 'none';
        },
      )
      .replace(URL_STRING, (whole, double: string | undefined, single: string | undefined) => {
        if (allow) return `"${cssString(toHttps(double ?? single ?? ''))}"`;
        blocked += 1;
        return '""';
      });
  const allow = options.allowRemoteImages === true;
  const rewritten = rewriteUrls(
    decodeCssEscapes(css)
      // A remote style sheet stays blocked even when images are allowed: it could change what the
      // message says after it was read, and the frame's CSP would refuse it anyway.
      .replace(IMPORT_RULE, () => {
        imports += 1;
        return '';
      })
      // Allowing images allows images: a web font is another remote fetch, and stays blocked.
      .replace(FONT_FACE_RULE, (rule) => rewriteUrls(rule, false)),
    allow,
  );
  return { css: rewritten, blocked, imports };
}

function cssString(url: string): string {
  return url.replace(/["\\\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/**
 * Remote content the user allowed is fetched over https only: the app is served over https and
 * its CSP allows `https:` images, and a plain-http fetch would reveal the reader on the wire.
 */
export function toHttps(url: string): string {
  const cleaned = url.replace(/[\t\n\r]/g, '').trim();
  if (/^\/\//.test(cleaned)) return `https:${cleaned}`;
  return cleaned.replace(/^http:/i, 'https:');
}
