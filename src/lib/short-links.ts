/**
 * The short link `/n/<id>/`: a tiny static page that sends the reader to the article's full URL
 * without JavaScript (meta refresh, plus a plain link); the canonical stays the full URL. Written
 * as a string rather than rendered by Astro: one per article, 10,000 of them cost Astro ~10 s.
 */
import { ui } from '#i18n/fa.ts';

export interface ShortLinkPage {
  /** The article's path under the base, `/news/<id>/<slug>/` at the root, percent-encoded. */
  articlePath: string;
  /** The article's full URL, for the canonical link. */
  canonicalUrl: string;
  /** The article page's `<title>` content, already HTML-escaped. */
  titleHtml: string;
  /** The headline, already HTML-escaped. */
  headlineHtml: string;
}

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function shortLinkPage({ articlePath, canonicalUrl, titleHtml, headlineHtml }: ShortLinkPage): string {
  const path = escapeAttribute(articlePath);
  return (
    '<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${titleHtml}</title><meta name="robots" content="noindex">` +
    `<link rel="canonical" href="${escapeAttribute(canonicalUrl)}">` +
    `<meta http-equiv="refresh" content="0; url=${path}"></head>` +
    `<body><p>${ui.redirecting}</p><p><a href="${path}">${ui.redirectLink}: ${headlineHtml}</a></p></body></html>`
  );
}

/** The `<title>` and headline of a built article page, as HTML. */
export function articlePageHeadings(html: string): { titleHtml: string; headlineHtml: string } | undefined {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1];
  const headline = /<h1\b[^>]*\bclass="article__title"[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  if (title === undefined || headline === undefined) return undefined;
  return { titleHtml: title, headlineHtml: headline.trim() };
}
