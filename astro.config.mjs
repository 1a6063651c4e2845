// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cdnHeadersIntegration } from './src/lib/cdn-headers-integration.ts';
import { keptMdxBodiesIntegration } from './src/lib/content/kept-mdx-bodies.ts';
import { dataStoreFromFileIntegration } from './src/lib/data-store-integration.ts';
import {
  incrementalManifestIntegration,
  incrementalPagesIntegration,
} from './src/lib/incremental/incremental-integration.ts';
import { persianBodyPlugin } from './src/lib/markdown/persian-body.ts';
import { siteLinksPlugin } from './src/lib/markdown/site-links.ts';
import { pagefindIntegration } from './src/lib/search/pagefind-integration.ts';
import { shortLinksIntegration } from './src/lib/short-links-integration.ts';

const defaultSiteConfig = fileURLToPath(new URL('./src/site.config.ts', import.meta.url));
// Another archive (a test fixture, a benchmark corpus) can bring its own site settings.
const siteConfigFile = process.env.BAYEGAN_SITE_CONFIG
  ? path.resolve(process.env.BAYEGAN_SITE_CONFIG)
  : defaultSiteConfig;
const { default: site } = await import(/* @vite-ignore */ siteConfigFile);

/**
 * Points every import of src/site.config.ts at BAYEGAN_SITE_CONFIG when it is set.
 * @returns {import('vite').Plugin}
 */
function siteConfigOverride() {
  return {
    name: 'bayegan:site-config',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (siteConfigFile === defaultSiteConfig || !/(^|\/)site\.config(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === defaultSiteConfig ? siteConfigFile : null;
    },
  };
}

/**
 * Says once per build when the comment form is off because no endpoint is configured.
 * @returns {import('astro').AstroIntegration}
 */
function commentsNotice() {
  return {
    name: 'bayegan:comments',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!site.comments.endpoint) {
          logger.warn(
            'No comments.endpoint in the site settings: articles show approved comments but no comment form.',
          );
        }
      },
    },
  };
}

export default defineConfig({
  site: site.url,
  // Astro puts its own files (`/_astro/…`) under the base; the site's links get it from
  // src/lib/paths.ts (`withBase`), the build steps below from their options.
  base: site.base,
  trailingSlash: 'always',
  // Every stylesheet and script is a file: the Content-Security-Policy (src/lib/cdn-headers.ts)
  // allows no inline code, and readers' browsers cache the files across pages.
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Two pages at a time: one renders while the previous one is written. With one, a quarter of
    // page generation was spent waiting for the disk (CPU profile, 30,000 articles); the output is
    // byte for byte the same.
    concurrency: 2,
  },
  // Tests and benchmarks build other archives side by side; each needs its own output and cache.
  outDir: process.env.BAYEGAN_OUT_DIR || './dist',
  cacheDir: process.env.BAYEGAN_CACHE_DIR || './node_modules/.astro',
  integrations: [
    mdx(),
    dataStoreFromFileIntegration(),
    keptMdxBodiesIntegration(),
    // First of the build steps: the ones after it see the whole site, carried-over pages included.
    incrementalPagesIntegration(),
    shortLinksIntegration({ url: site.url, base: site.base }),
    pagefindIntegration(site.search),
    cdnHeadersIntegration({ commentsEndpoint: site.comments.endpoint, hsts: site.headers.hsts, base: site.base }),
    commentsNotice(),
    // Last: records what the steps before it read from the pages, for the next build.
    incrementalManifestIntegration(),
  ],
  markdown: {
    processor: satteri({
      hastPlugins: [persianBodyPlugin, ...(site.base === '/' ? [] : [siteLinksPlugin(site.base)])],
    }),
    // Shiki colours code with inline style attributes, which the CSP forbids; code blocks are
    // styled by the site's CSS instead (a news site shows little code).
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  vite: {
    plugins: [siteConfigOverride()],
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
          handler(level, log);
        },
      },
    },
  },
});
