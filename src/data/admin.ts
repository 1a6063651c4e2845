/**
 * What the web editor's page and configuration are made from (/admin/, docs/editor.md): the content
 * folder as the repository names it, the sections and reporters, the editor settings, and the
 * version of Decap CMS the build copies into the site (src/build/cms-bundle.ts).
 */
import { getCollection } from 'astro:content';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cmsConfigYaml, type Choice } from '#lib/cms/config.ts';
import { resolveContentDir } from '#lib/content/content-dir.ts';
import { adminPath, cmsBundlePath } from '#lib/paths.ts';
import site from '#site.config.ts';
import { absoluteUrl } from './urls.ts';

/** The version of the `decap-cms` package installed, which names the bundle's folder. */
export function cmsVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('decap-cms/package.json') as { version: string }).version;
}

/** The site path of the Decap bundle the editor page loads. */
export const cmsBundle = (): string => cmsBundlePath(cmsVersion());

/**
 * The content folder relative to the repository (the folder the build runs in), as the editor's git
 * backend names files; `content` when it lies outside.
 */
export function repositoryContentFolder(cwd = process.cwd()): string {
  const relative = path.relative(cwd, resolveContentDir());
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
    ? 'content'
    : relative.split(path.sep).join('/');
}

const choices = (entries: { id: string; data: { name: string } }[]): Choice[] =>
  entries.map(({ id, data }) => ({ slug: id, name: data.name })).sort((a, b) => a.slug.localeCompare(b.slug));

/** `/admin/config.yml`. */
export async function adminConfigYaml(): Promise<string> {
  const [categories, authors] = await Promise.all([getCollection('categories'), getCollection('authors')]);
  return cmsConfigYaml({
    contentFolder: repositoryContentFolder(),
    categories: choices(categories),
    authors: choices(authors),
    editor: site.editor,
    siteUrl: absoluteUrl('/'),
  });
}

export { adminPath };
