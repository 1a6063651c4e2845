/**
 * The web editor's page script (/admin/, docs/editor.md; bundled by src/build/cms-bundle.ts). It
 * loads Decap CMS from the site itself (the bundle copied from npm there too), then, before Decap starts, registers what
 * Bayegan adds: its widgets, its article format, the clean-up before a save and a preview in the
 * site's own styles. Decap starts by hand (`CMS_MANUAL_INIT`) so that all of it is in place first.
 */
import { decapPhrases, editorText } from '#i18n/cms.ts';
import {
  defaultFieldPaths,
  emptyFieldPaths,
  readArticleFile,
  relativeImagePath,
  writeArticleFile,
} from '#lib/cms/article-file.ts';
import { ARTICLE_FORMAT, ARTICLES_COLLECTION, WIDGETS } from '#lib/cms/names.ts';
import type { DecapCms, DecapWindow, ImmutableMap, PreviewProps } from './decap.ts';
import { dateControl, folderControl, idControl } from './widgets.ts';

const page = window as unknown as DecapWindow;

/** The file each article was read from, by id: a save changes only what was edited in it. */
const originals = new Map<unknown, string>();

/** `phrases` with `fixes` put over it, key by key. */
function mergePhrases(phrases: Record<string, unknown>, fixes: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...phrases };
  for (const [key, value] of Object.entries(fixes)) {
    const old = merged[key];
    merged[key] =
      typeof value === 'object' && old && typeof old === 'object'
        ? mergePhrases(old as Record<string, unknown>, value as object)
        : value;
  }
  return merged;
}

function start(cms: DecapCms) {
  const h = page.h;
  const make = page.createClass;
  if (!h || !make) throw new Error('Decap CMS did not load its React helpers');

  cms.registerLocale('fa', mergePhrases(cms.getLocale('fa') ?? {}, decapPhrases));
  cms.registerWidget(WIDGETS.id, idControl(h, make));
  cms.registerWidget(WIDGETS.date, dateControl(h, make));
  cms.registerWidget(WIDGETS.folder, folderControl(h, make));

  cms.registerCustomFormat(ARTICLE_FORMAT, 'md', {
    fromFile(content) {
      const { data } = readArticleFile(content);
      if (data['id'] !== undefined) originals.set(data['id'], content);
      return data;
    },
    toFile(data, sortedKeys) {
      return writeArticleFile(data, sortedKeys ?? [], originals.get(data['id']));
    },
  });

  // Before a save: fields left empty are left out, as a reporter would leave them out of the file,
  // and so are a new story's fields that only repeat the schema's default (`tags` stays, as
  // `npm run new` writes it); the picture is named relative to the article, `./images/x.jpg`.
  // Written into the page by the build from the schema (src/pages/admin/index.astro): no zod here.
  const defaults = JSON.parse(document.documentElement.dataset['fieldDefaults'] ?? '{}') as Record<string, unknown>;
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      let data = entry.get('data') as ImmutableMap;
      const plain = data.toJS();
      const paths = [
        ...emptyFieldPaths(plain).reverse(),
        ...(entry.get('newRecord') ? defaultFieldPaths(plain, defaults, ['tags']) : []),
      ];
      data = paths.reduce((result, path) => result.deleteIn(path), data);
      const image = data.get('image');
      return image === relativeImagePath(image) ? data : data.set('image', relativeImagePath(image));
    },
  });

  const previewStyles = document.documentElement.dataset['previewStyles'];
  if (previewStyles) cms.registerPreviewStyle(previewStyles);
  cms.registerPreviewTemplate(
    ARTICLES_COLLECTION,
    make<PreviewProps>({
      render() {
        const { entry, widgetFor } = this.props;
        const field = (name: string) => entry.getIn(['data', name]) as string | undefined;
        return h(
          'article',
          { className: 'bayegan-preview', lang: 'fa', dir: 'rtl' },
          h('h1', null, field('title') ?? ''),
          h('p', { className: 'bayegan-preview-lead' }, field('lead') ?? ''),
          h('div', { className: 'bayegan-preview-body' }, widgetFor('body')),
        );
      },
    }),
  );

  cms.init({
    config: {
      // On this computer only (Decap asks nothing elsewhere): `npm run editor` serves the
      // repository's files here, beside the page, so no other address needs to be allowed.
      local_backend: { url: new URL('api/v1', window.location.href).href },
    },
  });
}

page.CMS_MANUAL_INIT = true;
const bundle = document.documentElement.dataset['cmsBundle'];
if (bundle) {
  const script = document.createElement('script');
  script.src = bundle;
  script.addEventListener('load', () => {
    if (page.CMS) start(page.CMS);
  });
  document.head.append(script);
} else {
  document.body.textContent = editorText.noScript;
}
