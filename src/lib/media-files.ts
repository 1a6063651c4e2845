/**
 * Pictures, video and sound of an article: which files each kind takes, their MIME types, and the
 * credit line's name. Pure, shared by the schema (the lead picture's credit), the MDX components
 * (src/components/mdx/) and the plugin that checks them (src/lib/markdown/media-components.ts).
 */
import type { ImageMetadata } from 'astro';
import { ui } from '#i18n/fa.ts';
import { normalizePersianLetters } from '#lib/persian/normalize.ts';

export type MediaKind = 'image' | 'video' | 'audio' | 'captions';

/**
 * The files each kind takes, by extension, with their MIME types. Only formats every current
 * browser plays (WebM and MP4 video, Opus/Ogg, MP3, M4A and WAV sound, WebVTT captions), and only
 * the ones Vite copies into the build under a content-hashed name.
 */
export const MEDIA_TYPES: Record<MediaKind, Record<string, string>> = {
  image: { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' },
  video: { webm: 'video/webm', mp4: 'video/mp4' },
  audio: {
    opus: 'audio/ogg',
    ogg: 'audio/ogg',
    mp3: 'audio/mpeg',
    m4a: 'audio/mp4',
    wav: 'audio/wav',
    webm: 'audio/webm',
  },
  captions: { vtt: 'text/vtt' },
};

const extension = (file: string) => /\.([a-z0-9]+)$/i.exec(file.split(/[?#]/)[0]!)?.[1]?.toLowerCase() ?? '';

/** The MIME type of a file of this kind, or undefined when the kind does not take it. */
export function mediaType(kind: MediaKind, file: string): string | undefined {
  return MEDIA_TYPES[kind][extension(file)];
}

/** `.jpg, .png…`: the extensions a kind takes, for messages. */
export const mediaExtensions = (kind: MediaKind) =>
  Object.keys(MEDIA_TYPES[kind])
    .map((ext) => `.${ext}`)
    .join(', ');

const CREDIT_LABEL = new RegExp(`^(?:${[...Object.values(ui.mediaCredit), 'فیلم', 'عکاس'].join('|')})\\s*[:：]\\s*`);

/**
 * The name of a credit as the page shows it after «عکس: »: Persian letters, one space between
 * words, and the label left out when the reporter wrote it too (`عکس: علی رضایی`), so it is never
 * shown twice.
 */
export function creditName(text: string): string {
  return normalizePersianLetters(text).replace(/\s+/g, ' ').trim().replace(CREDIT_LABEL, '').trim();
}

/** Caption or alt text as the page shows it: Persian letters, one space between words. */
export function mediaText(text: string): string {
  return normalizePersianLetters(text).replace(/\s+/g, ' ').trim();
}

/**
 * A file an MDX component names, once Vite has loaded it: the build turns `src="./a.jpg"` into
 * `import("./a.jpg")` (src/lib/markdown/media-components.ts), so the component gets a module.
 */
export async function loadedFile<T>(value: T | Promise<{ default: T }>): Promise<T> {
  if (value instanceof Promise) return ((await value) as { default: T }).default;
  return value as T;
}

/**
 * The width of a picture imported through astro:assets, read without keeping its original file in
 * the site: Astro copies an original into the site once a page reads its metadata (its proxy records
 * every read but `clone`), and a page that shows only resized copies names no original, so an
 * incremental build, which carries only what pages name, would not have it.
 */
export function intrinsicWidth(image: ImageMetadata): number {
  return ((image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image).width;
}
