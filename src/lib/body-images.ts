/**
 * The pictures of a rendered article body with their captions and credits, for the article's
 * structured data (`ImageObject`): read from the figures the body's parts write, the MDX <Figure>
 * and <Gallery> (src/components/mdx/, captions by src/components/MediaCaption.astro) and a credited
 * Markdown picture (src/lib/markdown/media-components.ts). Reading the HTML the page shows keeps the
 * body rendered once, and the structured data says what readers see.
 */
import { creditName } from './media-files.ts';

export interface BodyImage {
  /** The picture's address as the page names it (under the site's base). */
  src: string;
  width?: number | undefined;
  height?: number | undefined;
  caption?: string | undefined;
  /** The name the page credits («عکس: …» without the label). */
  credit?: string | undefined;
}

const IMAGE = /<img\b[^>]*>/g;
const CAPTION = /<span\b[^>]*\bclass="media-caption__text\b[^"]*"[^>]*>([^<]*)</;
const CREDIT =
  /<(?:span|figcaption)\b[^>]*\bclass="(?:media-caption__credit|body-figure__credit)\b[^"]*"[^>]*>([^<]*)</;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name]!);
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const number = (text: string | undefined) => (text && /^\d+$/.test(text) ? Number(text) : undefined);

/** Every picture of the body that stands in a figure, in reading order, with what its figure says of it. */
export function bodyImages(html: string): BodyImage[] {
  const images: BodyImage[] = [];
  for (const match of html.matchAll(IMAGE)) {
    const at = match.index;
    const figureStart = html.lastIndexOf('<figure', at);
    if (figureStart < 0 || html.lastIndexOf('</figure>', at) > figureStart) continue;
    const src = attribute(match[0], 'src');
    if (!src) continue;
    // Its figure's caption and credit come after the picture, before the figure ends.
    const end = html.indexOf('</figure>', at);
    const rest = html.slice(at + match[0].length, end < 0 ? undefined : end);
    const caption = CAPTION.exec(rest)?.[1]?.trim();
    const credit = CREDIT.exec(rest)?.[1];
    images.push({
      src: decode(src),
      width: number(attribute(match[0], 'width')),
      height: number(attribute(match[0], 'height')),
      ...(caption ? { caption: decode(caption) } : {}),
      ...(credit && creditName(decode(credit)) ? { credit: creditName(decode(credit)) } : {}),
    });
  }
  return images;
}
