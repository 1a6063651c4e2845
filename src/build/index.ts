/**
 * `bayegan()`: the one Astro integration of the site (Node-only). It sets how article bodies are
 * rendered (src/build/article-markdown.ts), and adds the build steps as integrations of their own, in the order below, the way
 * Starlight composes its parts. Astro runs the `astro:build:done` hooks in this order, and the order
 * matters: each step reads or writes the site the steps before it left.
 */
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { articleMarkdown } from './article-markdown.ts';
import { bundlingLockIntegration } from './bundling-lock.ts';
import { cdnHeadersIntegration } from './cdn-headers.ts';
import { cmsBundleIntegration } from './cms-bundle.ts';
import { commentsNoticeIntegration } from './comments-notice.ts';
import { dataStoreFromFileIntegration } from './data-store-from-file.ts';
import { incrementalManifestIntegration, incrementalPagesIntegration } from './incremental.ts';
import { keptMdxBodiesIntegration } from './kept-mdx-bodies.ts';
import { pageWorkersIntegration } from './page-workers.ts';
import { pagefindIntegration } from './search-index.ts';
import { siteConfigOverride, type SiteSettings } from './site-settings.ts';
import { segmentIntegration } from './segment.ts';
import { segmentBodiesIntegration } from './segment-bodies.ts';
import { segmentPlanIntegration } from './segment-plan.ts';
import { planSettings } from '#lib/segment-registry.ts';
import { shortLinksIntegration } from './short-links.ts';

export { loadSiteSettings } from './site-settings.ts';

export function bayegan({ file, site }: SiteSettings): AstroIntegration {
  const markdown = articleMarkdown(site.base);
  const reading = [
    mdx(),
    markdown.integration,
    // The project's .astro/ folder is one build's at a time, from content sync to bundles.
    bundlingLockIntegration(),
    // How the build reads the content: the data store from its file, kept MDX bodies.
    dataStoreFromFileIntegration(),
    // A segment's (or the plan's) content sync renders only the bodies it shows.
    segmentBodiesIntegration(site),
    keptMdxBodiesIntegration(),
  ];
  // `npm run build -- --plan N` renders no page: it reads the content and plans (src/lib/segment-reuse.ts).
  const steps = planSettings()
    ? [segmentPlanIntegration()]
    : [
        // How pages are rendered: a large build's on two threads.
        pageWorkersIntegration(),
        // First of the build steps: the ones after it see the whole site, carried-over pages included.
        incrementalPagesIntegration(),
        shortLinksIntegration({ url: site.url, base: site.base }),
        pagefindIntegration(site.search),
        cdnHeadersIntegration({
          commentsEndpoint: site.comments.endpoint,
          hsts: site.headers.hsts,
          base: site.base,
          editor: site.editor,
        }),
        cmsBundleIntegration(),
        commentsNoticeIntegration(site.comments.endpoint),
        // A segment build keeps only what its segment owns, before the manifest records it.
        segmentIntegration(),
        // Last: records what the steps before it read from the pages, for the next build.
        incrementalManifestIntegration(),
      ];
  return {
    name: 'bayegan',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          integrations: [...reading, ...steps],
          markdown: {
            // The site's hast plugins; a large content sync renders on two threads.
            processor: markdown.processor,
            // Shiki colours code with inline style attributes, which the CSP forbids; code blocks are
            // styled by the site's CSS instead (a news site shows little code).
            syntaxHighlight: false,
          },
          vite: { plugins: [siteConfigOverride(file)] },
        });
      },
    },
  };
}
