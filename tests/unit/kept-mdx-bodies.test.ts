import { describe, expect, it } from 'vitest';
import { withoutModules } from '../../src/lib/content/kept-mdx-bodies';

/** Astro's content-modules.mjs as astro/dist/content/mutable-data-store.js writes it. */
const astroModules = (files: string[]) =>
  `\nexport default new Map([\n${files
    .map(
      (file) =>
        `[${JSON.stringify(file)}, () => import(${JSON.stringify(`astro:deferred?fileName=${encodeURIComponent(file)}`)})]`,
    )
    .join(',\n')}]);\n\t\t`;

const load = async (code: string) =>
  (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: Map<string, unknown> };

describe('withoutModules', () => {
  const files = ['content/a.mdx', 'content/"quoted".mdx', 'content/c.mdx'];

  it('leaves out the named files and keeps the others, as a module that still loads', async () => {
    const result = withoutModules(astroModules(files), (file) => file !== 'content/c.mdx');
    expect(result?.left).toBe(2);
    expect([...(await load(result!.code)).default.keys()]).toEqual(['content/c.mdx']);
  });

  it('keeps every entry when nothing is left out, and gives an empty Map when all are', async () => {
    const all = withoutModules(astroModules(files), () => false);
    expect([...(await load(all!.code)).default.keys()]).toEqual(files);
    const none = withoutModules(astroModules(files), () => true);
    expect(none?.left).toBe(3);
    expect((await load(none!.code)).default.size).toBe(0);
  });

  it('does not touch code in another form', () => {
    // Astro's list when there is no MDX at all.
    expect(withoutModules('export default new Map();', () => true)).toBeUndefined();
    expect(withoutModules('export const modules = [];', () => true)).toBeUndefined();
  });
});
