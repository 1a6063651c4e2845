/**
 * `npm run corpus -- <dir> <N> [--seed S] [--force]`: writes a synthetic Persian news archive of N
 * articles into <dir>, laid out like content/ (articles/, categories/, authors/), so that
 * `BAYEGAN_CONTENT_DIR=<dir> npm run build` builds it. For benchmarks and load tests of the build.
 *
 * Deterministic: the same N and seed give byte-identical files (a seeded mulberry32 generator; no
 * clock, no Math.random). Ids 1..N follow the dates, which N spreads evenly over 1385/01/01 –
 * 1405/08/30 (07:00–22:59 Tehran time); each article draws its text from its own stream, seeded by
 * (seed, id).
 *
 * This file is the command line and the generator's public face; the parts live in scripts/corpus/:
 * random.ts (seeded numbers), text.ts (word counts, templates), calendar.ts (dates), words.ts with
 * the word lists categories.json and words.json, authors.ts, jpeg.ts and images.ts, articles.ts,
 * comments.ts. Node built-ins, jalaali-js (a dependency of the site already) and the site's own
 * script and date facts (src/lib/).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTICLE_IMAGES_FOLDER, COLLECTIONS, contentPath } from '../src/lib/content/content-layout.ts';
import { makeArticle } from './corpus/articles.ts';
import { makeAuthors } from './corpus/authors.ts';
import { archiveDays, MINUTES_PER_DAY, timeAt } from './corpus/calendar.ts';
import { makeComments } from './corpus/comments.ts';
import { drawImage, IMAGES } from './corpus/images.ts';
import { mixSeed, Random } from './corpus/random.ts';
import { yamlQuote } from './lib/frontmatter.ts';
import { CATEGORIES } from './corpus/words.ts';

export { MAX_BODY_WORDS, MIN_BODY_WORDS } from './corpus/articles.ts';
export { AUTHOR_COUNT } from './corpus/authors.ts';
export { END_JALALI_DATE, FIRST_JALALI_YEAR, formatDate, tehranOffset } from './corpus/calendar.ts';
export { IMAGE_HEIGHT, IMAGE_WIDTH } from './corpus/images.ts';
export { encodeBlockJpeg } from './corpus/jpeg.ts';
export { mulberry32 } from './corpus/random.ts';
export { countWords } from './corpus/text.ts';
export { CATEGORIES, TAG_POOL } from './corpus/words.ts';

export interface CorpusFile {
  /** Relative to the content folder, with `/` separators. */
  path: string;
  /** UTF-8 text, or the bytes of an image. */
  content: string | Buffer;
}

export interface CorpusOptions {
  /** How many articles (ids 1..count). */
  count: number;
  /** A whole number from 0 to 2^32 − 1; default 1. */
  seed?: number;
  /**
   * Articles with their frontmatter and a one-line body: the archive's index at sizes whose bodies
   * would fill the disk (a million articles), to measure what every segment of a build reads.
   */
  frontmatterOnly?: boolean | undefined;
}

/** The body of every article of a frontmatter-only corpus. */
const SHORT_BODY = 'متن این خبر در این بایگانی آزمایشی نیامده است.\n';

export const DEFAULT_SEED = 1;

function checkOptions({ count, seed = DEFAULT_SEED }: CorpusOptions): { count: number; seed: number } {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`count must be a positive whole number, got ${count}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  return { count, seed };
}

/**
 * The archive's files one by one, in a fixed order: categories, authors, images, then articles
 * 1..count (memory stays flat however large the archive).
 */
export function* corpusFiles(options: CorpusOptions): Generator<CorpusFile> {
  const { count, seed } = checkOptions(options);
  for (const category of CATEGORIES) {
    yield {
      path: `categories/${category.slug}.yml`,
      content: `name: ${yamlQuote(category.name)}\ndescription: ${yamlQuote(category.description)}\n`,
    };
  }
  const authors = makeAuthors(seed);
  for (const author of authors) {
    yield {
      path: `authors/${author.slug}.yml`,
      content: `name: ${yamlQuote(author.name)}\nrole: ${yamlQuote(author.role)}\nbio: ${yamlQuote(author.bio)}\n`,
    };
  }
  for (const image of IMAGES)
    yield { path: contentPath('articles', ARTICLE_IMAGES_FOLDER, `${image.name}.jpg`), content: drawImage(image) };

  // Article i gets a random minute of its own 1/count slice of the timeline: ids follow dates.
  const timelineEnd = archiveDays().length * MINUTES_PER_DAY;
  const timeline = new Random(mixSeed(seed, 0xd47e));
  for (let id = 1; id <= count; id++) {
    const timeIndex = Math.min(timelineEnd - 1, Math.floor(((id - 1 + timeline.next()) * timelineEnd) / count));
    const article = makeArticle(
      id,
      seed,
      timeIndex,
      timelineEnd,
      authors,
      options.frontmatterOnly ? SHORT_BODY : undefined,
    );
    yield article;
    if (!/^(draft: true|comments: false)$/m.test(article.content)) yield* makeComments(id, seed, timeAt(timeIndex));
  }
}

/** A synthetic archive of `count` articles as `{ path, content }` files; pure and deterministic. */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  return [...corpusFiles(options)];
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = `Usage: npm run corpus -- <dir> <N> [--seed S] [--force]

Writes a synthetic Persian news archive of N articles into <dir> (articles/, categories/, authors/).
  <dir>      the folder to write; it must be empty or missing unless --force is given
  <N>        how many articles, a positive whole number
  --seed S   a whole number from 0 to 4294967295 (default ${DEFAULT_SEED}); the same N and seed give identical files
  --force    write into a non-empty <dir>, replacing its articles/, categories/ and authors/
  --frontmatter-only
             every article with its frontmatter and a one-line body: the archive's index alone
             (for sizes whose bodies would fill the disk: a million articles)
  --help     show this message

Then build it: BAYEGAN_CONTENT_DIR=<dir> npm run build`;

export interface CliOptions {
  dir: string;
  count: number;
  seed: number;
  force: boolean;
  frontmatterOnly?: boolean;
}

/** Reads the command line; throws an Error whose message names the problem. */
export function parseArguments(args: string[]): CliOptions | 'help' {
  const positional: string[] = [];
  let seedText;
  let force = false;
  let frontmatterOnly = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--force') force = true;
    else if (arg === '--frontmatter-only') frontmatterOnly = true;
    else if (arg === '--seed') {
      seedText = args[++i];
      if (seedText === undefined) throw new Error('--seed needs a value, e.g. --seed 42');
    } else if (arg.startsWith('--seed=')) seedText = arg.slice('--seed='.length);
    else if (arg.startsWith('-') && !/^-\d/.test(arg)) throw new Error(`unknown option "${arg}"`);
    else positional.push(arg);
  }
  const [dir, countText, ...extra] = positional;
  if (dir === undefined || dir === '') throw new Error('missing <dir>: the folder to write the archive into');
  if (countText === undefined) throw new Error('missing <N>: how many articles to write');
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
  if (!/^[1-9]\d*$/.test(countText) || !Number.isSafeInteger(Number(countText))) {
    throw new Error(`<N> must be a positive whole number, got "${countText}"`);
  }
  let seed = DEFAULT_SEED;
  if (seedText !== undefined) {
    seed = Number(seedText);
    if (!/^\d+$/.test(seedText) || seed > 0xffffffff) {
      throw new Error(`--seed must be a whole number from 0 to 4294967295, got "${seedText}"`);
    }
  }
  return { dir, count: Number(countText), seed, force, ...(frontmatterOnly ? { frontmatterOnly } : {}) };
}

/** Writes the archive into `dir` and returns what it wrote. */
export function writeCorpus({ dir, count, seed, force, frontmatterOnly }: CliOptions) {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} exists and is not a folder`);
    if (readdirSync(dir).length > 0) {
      if (!force) {
        throw new Error(
          `${dir} is not empty; choose an empty folder, or pass --force to replace its articles/, categories/, authors/ and comments/`,
        );
      }
      for (const folder of COLLECTIONS) {
        rmSync(path.join(dir, folder), { recursive: true, force: true });
      }
    }
  }
  const created = new Set();
  let files = 0;
  let bytes = 0;
  for (const file of corpusFiles({ count, seed, frontmatterOnly })) {
    const target = path.join(dir, ...file.path.split('/'));
    const folder = path.dirname(target);
    if (!created.has(folder)) {
      mkdirSync(folder, { recursive: true });
      created.add(folder);
    }
    const data = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    writeFileSync(target, data);
    files++;
    bytes += data.length;
  }
  return { files, articles: count, bytes };
}

function main(args: string[]) {
  let options: CliOptions | 'help';
  try {
    options = parseArguments(args);
  } catch (error) {
    console.error(`Error: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(1);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  // Under `npm run`, the working directory is the project; resolve <dir> where the user typed it.
  const base =
    process.env['npm_lifecycle_event'] === 'corpus' ? (process.env['INIT_CWD'] ?? process.cwd()) : process.cwd();
  const dir = path.resolve(base, options.dir);
  const started = process.hrtime.bigint();
  let result;
  try {
    result = writeCorpus({ ...options, dir });
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    process.exit(1);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mib = (result.bytes / 1048576).toFixed(1);
  console.log(
    `Wrote ${result.files} files (${result.articles} articles, ${result.bytes} bytes = ${mib} MiB) to ${dir} in ${seconds.toFixed(1)} s (seed ${options.seed}).`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
