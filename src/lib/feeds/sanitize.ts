/**
 * Article HTML for feeds: only plain, safe markup (no scripts, styles, event handlers or
 * iframes), and every link and image made absolute, since feed readers show it off the site.
 */
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'aside',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'q',
  'cite',
  'code',
  'pre',
  'kbd',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'span',
  'div',
  'bdi',
];

/**
 * The URL made absolute against the article's URL; undefined for a "relative" URL that would
 * leave the site (`//host/x`, `/\\host/x`), which sanitize-html's own check would miss once
 * the URL has been made absolute. URLs with a scheme are left for sanitize-html to judge.
 */
function absolute(url: string, base: string): string | undefined {
  const trimmed = url.trim();
  let resolved: URL;
  try {
    resolved = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(trimmed);
  if (!hasScheme && resolved.origin !== new URL(base).origin) return undefined;
  return hasScheme ? trimmed : resolved.href;
}

/** The attributes with `name` made absolute, or dropped when it cannot be kept. */
function withAbsolute(attribs: Record<string, string>, name: string, base: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(attribs)) {
    const kept = key === name ? absolute(value, base) : value;
    if (kept !== undefined) result[key] = kept;
  }
  return result;
}

/** Sanitised article HTML with absolute URLs, relative to the article's own URL. */
export function feedHtml(html: string, articleUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'width', 'height'],
      '*': ['dir', 'lang'],
      th: ['colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: withAbsolute(attribs, 'href', articleUrl) }),
      img: (tagName, attribs) => ({ tagName, attribs: withAbsolute(attribs, 'src', articleUrl) }),
    },
  });
}
