/**
 * The web editor's configuration, generated from the content schema (src/lib/cms/config.ts): every
 * frontmatter field with its Persian label and hint, its required flag and default as the schema
 * says, the sections and reporters as choices, the git host and its sign-in; and the editor's own
 * Content-Security-Policy beside the site's (src/lib/cdn-headers.ts).
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { articleFieldText } from '../../src/i18n/cms.ts';
import { adminContentSecurityPolicy, contentSecurityPolicy, headersFile } from '../../src/lib/cdn-headers.ts';
import {
  articleCmsFields,
  cmsConfig,
  cmsConfigYaml,
  fieldContract,
  type CmsConfigOptions,
} from '../../src/lib/cms/config.ts';
import { articleFields } from '../../src/lib/content/schema.ts';
import { headersFor, parseHeadersFile } from '../../src/lib/static-host.ts';
import { atLeast } from '../helpers/at-least.ts';

const options: CmsConfigOptions = {
  contentFolder: 'content',
  categories: [
    { slug: 'culture', name: 'فرهنگ و هنر' },
    { slug: 'economy', name: 'اقتصادی' },
  ],
  authors: [{ slug: 'ali-rezaei', name: 'علی رضایی' }],
  editor: { backend: 'github', repo: 'newsroom/archive', branch: 'main' },
  siteUrl: 'https://news.example.org/',
};

/** The article schema's own field names, from the schema itself. */
const schemaFieldNames = Object.keys(
  articleFields({
    categories: { ids: new Set(), folder: '' },
    authors: { ids: new Set(), folder: '' },
    image: () => z.string(),
  }),
);

const PERSIAN = /[\u0600-\u06FF]/;

describe('the editor configuration', () => {
  const fields = articleCmsFields(options);
  const byName = new Map(fields.map((field) => [field.name, field]));

  it('has every frontmatter field of the schema, in its order, then the body', () => {
    expect(fields.map((field) => field.name)).toEqual([...atLeast(20, schemaFieldNames, 'schema fields'), 'body']);
    expect(Object.keys(articleFieldText).sort()).toEqual([...schemaFieldNames].sort());
  });

  it('labels and explains every field in Persian', () => {
    for (const field of fields) {
      expect(field.label, field.name).toMatch(PERSIAN);
      expect(field.hint, field.name).toMatch(PERSIAN);
    }
    expect(byName.get('title')).toMatchObject({ label: 'تیتر', widget: 'string' });
  });

  it('requires what the schema requires, with the defaults the schema gives', () => {
    const required = fields.filter((field) => field.required).map((field) => field.name);
    expect(required.sort()).toEqual(['authors', 'category', 'date', 'id', 'lead', 'title']);
    expect(byName.get('draft')).toMatchObject({ required: false, default: false });
    expect(byName.get('comments')).toMatchObject({ required: false, default: true });
    expect(byName.get('tags')).toMatchObject({ required: false, default: [] });
    expect(byName.get('imageAlt')).toMatchObject({ required: false });
    expect(byName.get('imageAlt')).not.toHaveProperty('default');
    // Read from the field, not a list: a new default in the schema shows up in the editor.
    expect(fieldContract(z.boolean().default(true))).toEqual({ required: false, default: true });
    expect(fieldContract(z.string())).toEqual({ required: true });
  });

  it('offers the sections and reporters of the content folder', () => {
    expect(byName.get('category')).toMatchObject({
      widget: 'select',
      options: [
        { label: 'فرهنگ و هنر', value: 'culture' },
        { label: 'اقتصادی', value: 'economy' },
      ],
    });
    expect(byName.get('authors')).toMatchObject({
      multiple: true,
      min: 1,
      options: [{ label: 'علی رضایی', value: 'ali-rezaei' }],
    });
  });

  it("uses Bayegan's widgets for the id and the dates, and keeps pictures beside the article", () => {
    expect(byName.get('id')?.widget).toBe('bayegan-id');
    for (const name of ['date', 'updated', 'liveEnded']) expect(byName.get(name)?.widget, name).toBe('bayegan-date');
    expect(byName.get('image')).toMatchObject({ widget: 'image', media_folder: 'images', public_folder: './images' });
  });

  it('is one collection of Markdown files in the articles folder, with editorial workflow, in Persian', () => {
    const config = cmsConfig(options) as { collections: Record<string, unknown>[] } & Record<string, unknown>;
    expect(config).toMatchObject({ locale: 'fa', publish_mode: 'editorial_workflow' });
    expect(config.collections).toHaveLength(1);
    expect(config.collections[0]).toMatchObject({
      name: 'articles',
      folder: 'content/articles',
      extension: 'md',
      format: 'bayegan-frontmatter',
      nested: { depth: 3 },
      meta: { path: { widget: 'bayegan-folder' } },
    });
    expect(parseYaml(cmsConfigYaml(options))).toEqual(config);
  });

  it('signs in to GitHub through the OAuth helper, and to GitLab with PKCE', () => {
    expect(
      cmsConfig({ ...options, editor: { ...options.editor, authUrl: 'https://auth.example.org' } }).backend,
    ).toEqual({
      name: 'github',
      repo: 'newsroom/archive',
      branch: 'main',
      squash_merges: true,
      base_url: 'https://auth.example.org',
      auth_endpoint: 'auth',
    });
    const gitlab = { backend: 'gitlab', repo: 'newsroom/archive', branch: 'main', appId: 'abc123' } as const;
    expect(cmsConfig({ ...options, editor: gitlab }).backend).toMatchObject({
      name: 'gitlab',
      auth_type: 'pkce',
      app_id: 'abc123',
      api_root: 'https://gitlab.com/api/v4',
    });
    const selfHosted = { ...gitlab, hostUrl: 'https://git.example.org/' };
    expect(cmsConfig({ ...options, editor: selfHosted }).backend).toMatchObject({
      base_url: 'https://git.example.org',
      api_root: 'https://git.example.org/api/v4',
    });
  });
});

describe("the editor's Content-Security-Policy", () => {
  const rules = parseHeadersFile(headersFile({ editor: { backend: 'github' } }));

  it('replaces the site policy under /admin/ only, and loosens nothing elsewhere', () => {
    expect(headersFor(rules, '/admin/')['content-security-policy']).toBe(adminContentSecurityPolicy());
    expect(headersFor(rules, '/admin/config.yml')['content-security-policy']).toBe(adminContentSecurityPolicy());
    expect(headersFor(rules, '/news/7/market/')['content-security-policy']).toBe(contentSecurityPolicy());
    expect(headersFor(rules, '/administration/')['content-security-policy']).toBe(contentSecurityPolicy());
  });

  it('allows scripts only from the site, and talks only to the git host', () => {
    const csp = adminContentSecurityPolicy({ editor: { backend: 'gitlab', hostUrl: 'https://git.example.org' } });
    expect(csp).toContain("script-src 'self' 'unsafe-eval';");
    expect(csp).toContain("connect-src 'self' blob: https://git.example.org;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/\*|script-src[^;]*unsafe-inline/);
    expect(adminContentSecurityPolicy()).toContain("connect-src 'self' blob: https://api.github.com;");
  });

  it('lets browsers keep the versioned CMS bundle for good', () => {
    expect(headersFor(rules, '/admin/decap-cms/3.16.3/decap-cms.js')['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFor(rules, '/admin/config.yml')['cache-control']).toBeUndefined();
  });
});
