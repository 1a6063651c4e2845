// `npm run build`: builds the site into a staging folder beside the output folder and swaps it in
// only when the whole build succeeded, so a failed build never leaves a half-written site behind
// (the previous complete build, if any, stays in place).
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import './check-node.mjs';

const outDir = path.resolve(process.env.BAYEGAN_OUT_DIR || 'dist');
const shownOutDir = path.relative(process.cwd(), outDir).startsWith('..')
  ? outDir
  : path.relative(process.cwd(), outDir);
const stagingDir = `${outDir}.staging`;
const previousDir = `${outDir}.previous`;
const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

rmSync(stagingDir, { recursive: true, force: true });
const result = spawnSync(process.execPath, [astroBin, 'build', '--outDir', stagingDir, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  rmSync(stagingDir, { recursive: true, force: true });
  console.error(
    `\nBuild failed: nothing was written to ${shownOutDir}/. Fix the problem named above and run the build again.`,
  );
  process.exit(result.status || 1);
}

rmSync(previousDir, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previousDir);
renameSync(stagingDir, outDir);
rmSync(previousDir, { recursive: true, force: true });
console.log(`Site written to ${shownOutDir}/`);
