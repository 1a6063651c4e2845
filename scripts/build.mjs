// `npm run build`: builds the site into a staging folder and swaps it into the output folder only
// when the whole build succeeded, so a failed build never leaves a half-written site behind (the
// previous complete build, if any, stays in place).
//
// The staging folder lives inside the project (under node_modules/.cache): Astro runs the
// prerender chunks it writes there, and they must resolve the project's packages even when
// BAYEGAN_OUT_DIR points outside the project.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAstro } from './astro-cli.mjs';
import './check-node.mjs';

const projectRoot = path.resolve(fileURLToPath(import.meta.url), '../..');
const outDir = path.resolve(process.env.BAYEGAN_OUT_DIR || 'dist');
const shownOutDir = path.relative(process.cwd(), outDir).startsWith('..')
  ? outDir
  : path.relative(process.cwd(), outDir);
const stagingDir = path.join(projectRoot, 'node_modules/.cache/bayegan-build', `staging-${process.pid}`);
const previousDir = `${outDir}.previous`;

/** Moves a folder, copying when source and target are on different file systems. */
function move(from, to) {
  try {
    renameSync(from, to);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

mkdirSync(path.dirname(stagingDir), { recursive: true });
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
mkdirSync(path.dirname(outDir), { recursive: true });
if (existsSync(outDir)) renameSync(outDir, previousDir);
move(stagingDir, outDir);
rmSync(previousDir, { recursive: true, force: true });
console.log(`Site written to ${shownOutDir}/`);
