/**
 * Which site settings a build uses (Node-only): src/site.config.ts, or the file named by
 * BAYEGAN_SITE_CONFIG, so that another archive (a test fixture, a benchmark corpus) can bring its
 * own. `siteConfigOverride` makes every import of src/site.config.ts in the site see the same file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { SiteConfig } from '#lib/site-config.ts';

const defaultSiteConfigFile = fileURLToPath(new URL('../site.config.ts', import.meta.url));

export interface SiteSettings {
  /** The settings file in use (absolute). */
  file: string;
  site: SiteConfig;
}

/** Loads the site settings of this build. */
export async function loadSiteSettings(env: NodeJS.ProcessEnv = process.env): Promise<SiteSettings> {
  const override = env['BAYEGAN_SITE_CONFIG'];
  const file = override ? path.resolve(override) : defaultSiteConfigFile;
  const { default: site } = (await import(/* @vite-ignore */ file)) as { default: SiteConfig };
  return { file, site };
}

/** Points every import of src/site.config.ts at `siteConfigFile` when that is another file. */
export function siteConfigOverride(siteConfigFile: string): Plugin {
  return {
    name: 'bayegan:site-config',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (siteConfigFile === defaultSiteConfigFile || !/(^|[/#])site\.config(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === defaultSiteConfigFile ? siteConfigFile : null;
    },
  };
}
