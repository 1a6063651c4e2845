// `npm run merge -- <segment outputs…>`: puts the outputs of `npm run build -- --segment K/N`
// (one per segment, all N of them) together into the site, byte for byte the site one
// `npm run build` writes (docs/architecture.md, «Segmented builds»). Every file has exactly one
// owning segment (src/lib/segments.ts), so the site is their disjoint union, plus what is made from
// all of them: the search routing table (from the words of every year shard) and the incremental
// manifest (the segments' own, joined). Segments of different commits, settings, "now", content or
// segment counts, a missing segment or one given twice, and two segments with one file are refused,
// naming the input. Like the build, the merge stages the site and swaps it into place only when
// complete (scripts/lib/site-swap.ts); nothing is written to the site on a refusal.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routingFiles } from '../src/build/search-routes.ts';
import { MANIFEST_FILE, type PageManifest } from '../src/lib/incremental/page-plan.ts';
import { siteStamp } from '../src/lib/incremental/render-plan.ts';
import { filesUnder, SiteWriter } from '../src/lib/link-files.ts';
import { searchIndexPath, siteFolder } from '../src/lib/paths.ts';
import { SHARDS_MANIFEST_NAME, type SearchShardsManifest } from '../src/lib/search/scope.ts';
import { mergeManifests, mergeRefusals, type MergeInput, type SegmentStamp } from '../src/lib/segment-merge.ts';
import {
  MERGED_SEGMENTS_FILE,
  REUSE_FORMAT,
  type MergedSegments,
  type SegmentReusePlan,
} from '../src/lib/segment-reuse.ts';
import {
  isMergedFile,
  isSharedFile,
  SEGMENT_FOLDER,
  SEGMENT_MANIFEST,
  SEGMENT_STAMP,
  segmentTermsFile,
} from '../src/lib/segments.ts';
import {
  clearStoppedBuilds,
  pendingManifest,
  putSiteInPlace,
  removeInBackground,
  siteFolders,
  takeSiteLock,
  type SiteFolders,
} from './lib/site-swap.ts';
import './check-node.mjs';

const projectRoot = path.resolve(fileURLToPath(import.meta.url), '../..');

/** A refusal: the message names the input and what to do. */
class MergeError extends Error {}

function readStamp(dir: string): SegmentStamp | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, SEGMENT_STAMP), 'utf8')) as SegmentStamp;
  } catch {
    return undefined;
  }
}

/** Whether two files hold the same bytes (the same file, or equal contents). */
function sameBytes(a: string, b: string): boolean {
  const [one, two] = [statSync(a), statSync(b)];
  if (one.ino === two.ino && one.dev === two.dev) return true;
  return one.size === two.size && readFileSync(a).equals(readFileSync(b));
}

/** Links every site file of the segments into the staged site; refuses a file two segments hold. */
function placeSegments(inputs: readonly (MergeInput & { stamp: SegmentStamp })[], writer: SiteWriter): number {
  const from = new Map<string, string>();
  let shared = 0;
  for (const { dir } of inputs) {
    for (const file of filesUnder(dir)) {
      if (file.startsWith(`${SEGMENT_FOLDER}/`)) continue;
      const source = path.join(dir, file);
      if (isMergedFile(file)) throw new MergeError(`${dir}: holds ${file}, which only the merge makes.`);
      const other = from.get(file);
      if (other === undefined) {
        writer.linkNew(source, file);
        from.set(file, dir);
      } else if (!isSharedFile(file)) {
        throw new MergeError(`${dir} and ${other} both hold ${file}: segments of one site never overlap.`);
      } else if (!sameBytes(source, path.join(other, file))) {
        throw new MergeError(`${dir} and ${other} hold different files named ${file}.`);
      } else shared++;
    }
  }
  return shared;
}

/** The search routing table, from the words of every routed shard that some segment carries. */
function placeRoutingTable(inputs: readonly MergeInput[], writer: SiteWriter): number {
  const indexFolder = siteFolder(searchIndexPath(''));
  const shardsFile = path.join(writer.root, indexFolder, SHARDS_MANIFEST_NAME);
  if (!existsSync(shardsFile)) return 0;
  const { shards } = JSON.parse(readFileSync(shardsFile, 'utf8')) as SearchShardsManifest;
  const routed = shards
    .filter((shard) => shard.routed)
    .map(({ id }) => {
      const dir = inputs.find((input) => existsSync(path.join(input.dir, segmentTermsFile(id))))?.dir;
      if (!dir) throw new MergeError(`No segment carries the words of search shard ${id} (${segmentTermsFile(id)}).`);
      return { id, terms: readFileSync(path.join(dir, segmentTermsFile(id)), 'utf8').split('\n') };
    });
  const files = routingFiles(routed);
  for (const { file, body } of files) writer.write(`${indexFolder}/${file}`, body);
  return files.length;
}

/**
 * The merged site's incremental manifest, when every segment carried its own, and the record of
 * the segments it was merged from, for the next `npm run build -- --plan N` (undefined without).
 */
function writeManifest(
  inputs: readonly (MergeInput & { stamp: SegmentStamp })[],
  writer: SiteWriter,
  folders: SiteFolders,
): MergedSegments | undefined {
  const files = inputs.map(({ dir }) => path.join(dir, SEGMENT_MANIFEST));
  if (!files.every((file) => existsSync(file))) return undefined;
  const manifests = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as PageManifest);
  const merged = mergeManifests(manifests, siteStamp(writer.root) ?? '', [...writer.placed]);
  mkdirSync(path.dirname(folders.manifestFile), { recursive: true });
  writeFileSync(pendingManifest(folders), JSON.stringify(merged));
  return {
    format: REUSE_FORMAT,
    siteStamp: merged.siteStamp,
    segments: inputs.map(({ stamp }, at) => ({ stamp, pages: Object.keys(manifests[at]!.pages).sort() })),
  };
}

/** `--plan <file>` (or `--plan=<file>`) and the segment outputs. */
function mergeArgs(args: readonly string[]): { planFile: string | undefined; dirs: string[] } | undefined {
  const dirs: string[] = [];
  let planFile: string | undefined;
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    if (arg === '--plan' && args[at + 1]) planFile = args[++at];
    else if (arg.startsWith('--plan=')) planFile = arg.slice('--plan='.length);
    else if (arg.startsWith('-')) return undefined;
    else dirs.push(arg);
  }
  return { planFile, dirs };
}

function readPlan(file: string): SegmentReusePlan {
  let plan: SegmentReusePlan;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8')) as SegmentReusePlan;
  } catch (error) {
    throw new MergeError(
      `${file}: cannot read the plan (${(error as Error).message}); make it with npm run build -- --plan N.`,
    );
  }
  if (plan.format !== REUSE_FORMAT) {
    throw new MergeError(
      `${file}: a plan of another format (${plan.format}); make it again with npm run build -- --plan N.`,
    );
  }
  return plan;
}

async function main(args: string[]): Promise<number> {
  const started = performance.now();
  const parsed = mergeArgs(args);
  if (!parsed) {
    console.error(
      'Usage: npm run merge -- [--plan segment-plan.json] <segment output>… (every segment of one site, e.g. dist-segment-*-of-4)',
    );
    return 1;
  }
  let reusePlan: SegmentReusePlan | undefined;
  try {
    reusePlan = parsed.planFile === undefined ? undefined : readPlan(parsed.planFile);
  } catch (error) {
    console.error(`Merge refused; nothing was written:\n  - ${(error as Error).message}`);
    return 1;
  }
  const inputs: MergeInput[] = parsed.dirs.map((dir) => ({ dir, stamp: readStamp(dir) }));
  const refusals = mergeRefusals(inputs, reusePlan);
  if (refusals.length > 0) {
    console.error(`Merge refused; nothing was written:\n${refusals.map((line) => `  - ${line}`).join('\n')}`);
    return 1;
  }
  const segments = (inputs as (MergeInput & { stamp: SegmentStamp })[]).sort((a, b) => a.stamp.index - b.stamp.index);
  const outDir = path.resolve(process.env.BAYEGAN_OUT_DIR || 'dist');
  const cacheDir = path.resolve(process.env.BAYEGAN_CACHE_DIR || path.join(projectRoot, 'node_modules/.astro'));
  const folders = siteFolders(projectRoot, outDir, path.join(cacheDir, MANIFEST_FILE));
  if (segments.some(({ dir }) => path.resolve(dir) === outDir)) {
    console.error(`${outDir} is one of the segments: merge into another folder (BAYEGAN_OUT_DIR).`);
    return 1;
  }
  await takeSiteLock(folders);
  clearStoppedBuilds(folders);
  rmSync(folders.stagingDir, { recursive: true, force: true });
  rmSync(pendingManifest(folders), { force: true });
  const writer = new SiteWriter(folders.stagingDir);
  // The record of the merge before: it describes the site this merge replaces, no longer in place.
  const recordFile = path.join(path.dirname(folders.manifestFile), MERGED_SEGMENTS_FILE);
  rmSync(recordFile, { force: true });
  try {
    const shared = placeSegments(segments, writer);
    const routes = placeRoutingTable(segments, writer);
    const manifest = writeManifest(segments, writer, folders);
    putSiteInPlace(folders);
    if (manifest) {
      writeFileSync(`${recordFile}.${process.pid}`, JSON.stringify(manifest));
      renameSync(`${recordFile}.${process.pid}`, recordFile);
    }
    const { count } = segments[0]!.stamp;
    console.log(
      `Merged ${count} segments into ${path.relative(process.cwd(), outDir) || outDir}/: ${writer.placed.size} files ` +
        `(${shared} shared pictures and bundles found the same in several segments, ${routes} routing table files made)` +
        `${manifest ? ', the incremental manifest joined' : ''}` +
        `${reusePlan ? `, ${Object.keys(reusePlan.reuse).length} of them as the merge before had them` : ''}, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } catch (error) {
    removeInBackground(folders, folders.stagingDir);
    rmSync(pendingManifest(folders), { force: true });
    if (!(error instanceof MergeError)) throw error;
    console.error(`Merge refused; nothing was written:\n  - ${error.message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
