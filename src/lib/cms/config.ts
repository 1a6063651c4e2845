/**
 * The web editor's configuration (Decap CMS, served at /admin/, docs/editor.md), generated from the
 * content schema and the content folder at every build: every frontmatter field of an article with
 * its Persian label and hint (src/i18n/cms.ts), whether it is required and its default (both read
 * from the field's own zod schema), the sections and reporters as choices. Pure: data in, the
 * configuration object (and its YAML, `/admin/config.yml`) out.
 */
import { stringify } from 'yaml';
import { z } from 'astro/zod';
import { articleFieldText, editorText, nestedFieldText, type FieldText } from '#i18n/cms.ts';
import { ARTICLE_IMAGES_FOLDER, contentPath } from '#lib/content/content-layout.ts';
import { articleFields, type ArticleFieldName } from '#lib/content/schema.ts';
import { ARTICLE_FORMAT, ARTICLES_COLLECTION, WIDGETS } from './names.ts';

export { ARTICLE_FORMAT, ARTICLES_COLLECTION, WIDGETS };

/** A section or reporter as the editor offers it: the file name and the Persian name. */
export interface Choice {
  slug: string;
  name: string;
}

/** The git host the editor commits to (the site settings' `editor` group). */
export interface EditorBackend {
  backend: 'github' | 'gitlab';
  /** `owner/name`; without it the editor works only with a local repository (`npm run editor`). */
  repo?: string | undefined;
  branch: string;
  /** GitLab's OAuth application id, for sign-in with PKCE. */
  appId?: string | undefined;
  /** A self-hosted GitLab's address (default https://gitlab.com). */
  hostUrl?: string | undefined;
  /** GitHub: the OAuth helper's address (docs/editor.md#sign-in-github). */
  authUrl?: string | undefined;
}

export interface CmsConfigOptions {
  /** The content folder, relative to the repository's root, with `/`: `content`. */
  contentFolder: string;
  categories: readonly Choice[];
  authors: readonly Choice[];
  editor: EditorBackend;
  /** The public address of the site's home page (`url` + `base`). */
  siteUrl: string;
}

/** One field of the editor's configuration (Decap's field options, and ours for our widgets). */
export type CmsField = { name: string; label: string; hint: string; widget: string } & Record<string, unknown>;

/** The schema with stand-ins for what only the content folder knows: the fields' own options are what is read. */
function schemaFields(options: CmsConfigOptions) {
  const known = (choices: readonly Choice[]) => new Set(choices.map((choice) => choice.slug));
  return articleFields({
    categories: { ids: known(options.categories), folder: 'categories/' },
    authors: { ids: known(options.authors), folder: 'authors/' },
    image: () => z.string(),
  });
}

const choices = (list: readonly Choice[]) => list.map(({ slug, name }) => ({ label: name, value: slug }));

const text = ({ label, hint }: FieldText) => ({ label, hint });

/** How each field is edited: Decap's widget and its options. A new schema field needs a line here. */
const FIELD_WIDGETS: Record<ArticleFieldName, (options: CmsConfigOptions) => Record<string, unknown>> = {
  id: () => ({ widget: WIDGETS.id, collection: ARTICLES_COLLECTION }),
  title: () => ({ widget: 'string' }),
  lead: () => ({ widget: 'text' }),
  date: () => ({ widget: WIDGETS.date, default_now: true }),
  updated: () => ({ widget: WIDGETS.date }),
  category: (options) => ({ widget: 'select', options: choices(options.categories) }),
  tags: () => ({ widget: 'list', field: { name: 'tag', label: articleFieldText.tags.label, widget: 'string' } }),
  authors: (options) => ({ widget: 'select', multiple: true, min: 1, options: choices(options.authors) }),
  image: () => ({
    widget: 'image',
    choose_url: false,
    // Beside the article's file, where `npm run new`'s articles keep theirs (`./images/x.jpg`).
    media_folder: ARTICLE_IMAGES_FOLDER,
    public_folder: `./${ARTICLE_IMAGES_FOLDER}`,
  }),
  imageAlt: () => ({ widget: 'string' }),
  imageCredit: () => ({ widget: 'string' }),
  imageCaption: () => ({ widget: 'string' }),
  featured: () => ({ widget: 'boolean' }),
  breaking: () => ({ widget: 'boolean' }),
  draft: () => ({ widget: 'boolean' }),
  comments: () => ({ widget: 'boolean' }),
  slug: () => ({ widget: 'string' }),
  source: () => ({
    widget: 'object',
    collapsed: true,
    fields: [
      // Not required here: Decap would then refuse every story without a source; the schema asks for
      // the name once a source is given, and check:content says so.
      { name: 'name', ...text(nestedFieldText.sourceName), widget: 'string', required: false },
      { name: 'url', ...text(nestedFieldText.sourceUrl), widget: 'string', required: false },
    ],
  }),
  corrections: () => ({
    widget: 'list',
    summary: '{{fields.date}}',
    fields: [
      { name: 'date', ...text(nestedFieldText.correctionDate), widget: WIDGETS.date, default_now: true },
      { name: 'text', ...text(nestedFieldText.correctionText), widget: 'text' },
    ],
  }),
  live: () => ({ widget: 'boolean' }),
  updates: () => ({
    widget: 'list',
    summary: '{{fields.date}} {{fields.title}}',
    fields: [
      { name: 'date', ...text(nestedFieldText.updateDate), widget: WIDGETS.date, default_now: true },
      { name: 'title', ...text(nestedFieldText.updateTitle), widget: 'string', required: false },
      { name: 'text', ...text(nestedFieldText.updateText), widget: 'text' },
    ],
  }),
  liveEnded: () => ({ widget: WIDGETS.date }),
};

/**
 * Whether the field may be left out, and the value the schema gives it then: asked of the field's
 * own schema, so `.optional()` and `.default()` in schema.ts are the one source.
 */
export function fieldContract(schema: z.ZodType): { required: boolean; default?: unknown } {
  const absent = schema.safeParse(undefined);
  if (!absent.success) return { required: true };
  return absent.data === undefined ? { required: false } : { required: false, default: absent.data };
}

/** The defaults the schema gives the fields it lets a file leave out (`featured: false`…). */
export function schemaDefaults(): Record<string, unknown> {
  const fields = schemaFields({
    contentFolder: '',
    categories: [],
    authors: [],
    editor: { backend: 'github', branch: '' },
    siteUrl: '',
  });
  const defaults: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const contract = fieldContract(schema as z.ZodType);
    if ('default' in contract) defaults[name] = contract.default;
  }
  return defaults;
}

/** The article fields of the editor, in the schema's order, then the body. */
export function articleCmsFields(options: CmsConfigOptions): CmsField[] {
  const fields = schemaFields(options);
  const names = Object.keys(fields) as ArticleFieldName[];
  const cmsFields: CmsField[] = names.map((name) => {
    const widget = FIELD_WIDGETS[name];
    if (!widget) throw new Error(`src/lib/cms/config.ts: the article field "${name}" has no editor widget`);
    const contract = fieldContract(fields[name] as z.ZodType);
    return {
      name,
      ...text(articleFieldText[name]),
      ...(widget(options) as { widget: string }),
      ...contract,
    };
  });
  cmsFields.push({
    name: 'body',
    ...text(nestedFieldText.body),
    widget: 'markdown',
    modes: ['raw', 'rich_text'],
    required: false,
  });
  return cmsFields;
}

/** The backend block: the git host, its repository and sign-in (docs/editor.md, «Sign-in: GitHub» and «Sign-in: GitLab (PKCE)»). */
export function backendConfig(editor: EditorBackend): Record<string, unknown> {
  const common = { repo: editor.repo ?? '', branch: editor.branch, squash_merges: true };
  if (editor.backend === 'gitlab') {
    const host = (editor.hostUrl ?? 'https://gitlab.com').replace(/\/+$/, '');
    return {
      name: 'gitlab',
      ...common,
      // PKCE: GitLab signs the editor in from the browser alone, no helper or secret.
      ...(editor.appId ? { auth_type: 'pkce', app_id: editor.appId } : {}),
      base_url: host,
      api_root: `${host}/api/v4`,
      auth_endpoint: 'oauth/authorize',
    };
  }
  // GitHub's OAuth needs a client secret for the token exchange: a small helper holds it.
  return { name: 'github', ...common, ...(editor.authUrl ? { base_url: editor.authUrl, auth_endpoint: 'auth' } : {}) };
}

/** The whole configuration, as Decap reads it from /admin/config.yml. */
export function cmsConfig(options: CmsConfigOptions): Record<string, unknown> {
  const articlesFolder = `${options.contentFolder}/${contentPath('articles')}`;
  return {
    locale: 'fa',
    backend: backendConfig(options.editor),
    // Every story is a branch and a pull request: an editor approves it before it goes live.
    publish_mode: 'editorial_workflow',
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    // Required by Decap; pictures of an article go to its own folder (the image field says where).
    media_folder: `${articlesFolder}/${ARTICLE_IMAGES_FOLDER}`,
    public_folder: `./${ARTICLE_IMAGES_FOLDER}`,
    // Persian letters stay in file names, as `npm run new`'s slugs keep them.
    slug: { encoding: 'unicode', clean_accents: false, sanitize_replacement: '-' },
    collections: [
      {
        name: ARTICLES_COLLECTION,
        label: editorText.articles,
        label_singular: editorText.article,
        description: editorText.articlesDescription,
        folder: articlesFolder,
        extension: 'md',
        // Ours (src/lib/cms/article-file.ts): an edit changes only the lines it edits.
        format: ARTICLE_FORMAT,
        create: true,
        identifier_field: 'title',
        summary: '{{id}} · {{title}}',
        sortable_fields: ['id', 'title'],
        // `<year>/<month>/<file>.md`, and the older `<year>/<file>.md`.
        nested: { depth: 3, summary: '{{title}}' },
        // The folder of a new article, from its date (our widget), as `npm run new` chooses it.
        meta: { path: { ...text(nestedFieldText.folder), widget: WIDGETS.folder } },
        media_folder: ARTICLE_IMAGES_FOLDER,
        public_folder: `./${ARTICLE_IMAGES_FOLDER}`,
        fields: articleCmsFields(options),
      },
    ],
  };
}

/** `/admin/config.yml`. */
export function cmsConfigYaml(options: CmsConfigOptions): string {
  return `# Written by the build from the content schema (src/lib/cms/config.ts); edit that, not this.\n${stringify(
    cmsConfig(options),
    { lineWidth: 0 },
  )}`;
}
