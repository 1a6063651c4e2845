// `npm run build`: builds the site into a staging folder beside the output folder and swaps it in
// only when the whole build succeeded, so a failed build never leaves a half-written site behind
// (the previous complete build, if any, stays in place).
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runAstro } from './astro-cli.mjs';
import './check-node.mjs';

const outDir = path.resolve(process.env.BAYEGAN_OUT_DIR || 'dist');
const shownOutDir = path.relative(process.cwd(), outDir).startsWith('..')
  ? outDir
  : path.relative(process.cwd(), outDir);
const stagingDir = `${outDir}.staging`;
const previousDir = `${outDir}.previous`;

rmSync(stagingDir, { recursive: true, force: true });
// `npm run build` is the production build whatever NODE_ENV the machine has (a test runner or a
// CI image may set "test" or "development", which would make Astro build in another mode).
const status = runAstro(['build', '--outDir', stagingDir, ...process.argv.slice(2)], { NODE_ENV: 'production' });
if (status !== 0) {
  rmSync(stagingDir, { recursive: true, force: true });
  console.error(
    `\nBuild failed: nothing was written to ${shownOutDir}/. Fix the problem named above and run the build again.`,
  );
  process.exit(status);
}

rmSync(previousDir, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previousDir);
renameSync(stagingDir, outDir);
rmSync(previousDir, { recursive: true, force: true });
console.log(`Site written to ${shownOutDir}/`);
