/**
 * `npm run editor [-- --site <dist> --repo <folder>]`: the web editor on this computer, writing
 * into this repository's files (docs/editor.md, «On your own computer»). Build first (`npm run
 * build`); then open the address it prints, edit, and commit with git as usual.
 */
import path from 'node:path';
import { loadSiteSettings } from '../src/build/site-settings.ts';
import { adminPath, pathWithBase } from '../src/lib/paths.ts';
import { startLocalEditor } from './lib/local-editor.ts';
import './check-node.mjs';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const { site } = await loadSiteSettings();
const siteDir = path.resolve(option('--site') ?? process.env['BAYEGAN_OUT_DIR'] ?? 'dist');
const repoDir = path.resolve(option('--repo') ?? '.');
const editor = await startLocalEditor({ siteDir, repoDir, base: site.base });
process.stdout.write(`The editor: ${editor.origin}${pathWithBase(site.base, adminPath)}\n`);
process.stdout.write(`It writes into ${repoDir}. Stop with Ctrl+C.\n`);
const stop = () => void editor.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
