// @ts-check
import { defineConfig } from 'astro/config';
import { bayegan, loadSiteSettings } from './src/build/index.ts';

// src/site.config.ts, or the settings of another archive (BAYEGAN_SITE_CONFIG: a fixture, a corpus).
const settings = await loadSiteSettings();
const { site } = settings;

export default defineConfig({
  site: site.url,
  // Astro puts its own files (`/_astro/…`) under the base; the site's links get it from
  // src/lib/paths.ts (`withBase`), the build steps (src/build/) from their options.
  base: site.base,
  trailingSlash: 'always',
  // Every stylesheet and script is a file: the Content-Security-Policy (src/lib/cdn-headers.ts)
  // allows no inline code, and readers' browsers cache the files across pages.
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Four pages at a time: one renders while another is written (with one, a quarter of page
    // generation was spent waiting for the disk: CPU profile, 30,000 articles), and a large build's
    // second rendering thread always has a page waiting (src/build/page-workers.ts). The output is
    // byte for byte the same.
    concurrency: 4,
  },
  // Tests and benchmarks build other archives side by side; each needs its own output and cache.
  outDir: process.env.BAYEGAN_OUT_DIR || './dist',
  cacheDir: process.env.BAYEGAN_CACHE_DIR || './node_modules/.astro',
  // The Markdown of the articles and the build steps, in their order: src/build/index.ts.
  integrations: [bayegan(settings)],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Never inline a script into the page as a data URL or inline element (see build above).
      assetsInlineLimit: 0,
      // One stylesheet for the whole site (about 4 KB gzipped): fetched once, cached for every page.
      cssCodeSplit: false,
      rolldownOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that rolldown warns
        // about on every MDX article; the warning is harmless (withastro/astro#18087).
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          // A picture an MDX article names both in Markdown (a static import) and in a <Figure> or
          // <Gallery> (turned into a dynamic import by src/lib/markdown/media-components.ts) is one
          // file either way; rolldown only notes that the dynamic import makes no chunk of its own.
          if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && /\.mdx\b/.test(log.message)) return;
          handler(level, log);
        },
      },
    },
  },
});
