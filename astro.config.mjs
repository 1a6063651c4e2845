// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { persianBodyPlugin } from './src/lib/markdown/persian-body.ts';
import site from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Tests and benchmarks build other archives side by side; each needs its own output and cache.
  outDir: process.env.BAYEGAN_OUT_DIR || './dist',
  cacheDir: process.env.BAYEGAN_CACHE_DIR || './node_modules/.astro',
  integrations: [mdx()],
  markdown: {
    processor: satteri({ hastPlugins: [persianBodyPlugin] }),
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
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
