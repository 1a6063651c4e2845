// `npm run dev`: the Astro dev server, showing drafts and scheduled articles so reporters can
// preview them. Production builds (`npm run build`) never show them.
import { runAstro } from './astro-cli.ts';
import './check-node.mjs';

process.exit(runAstro(['dev', ...process.argv.slice(2)], { BAYEGAN_SHOW_UNPUBLISHED: '1' }));
