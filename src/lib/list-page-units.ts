/**
 * The settled list pages of a segment plan and the unit of each (src/lib/segments.ts), as every
 * thread of a segment build holds them (pure): each list's path once, and for each of its numbered
 * pages from the first the index of its unit's name, in one typed array for all the lists.
 * A `Map` of each page's file to its unit took about 100 bytes a page in each thread, the file's
 * name most of it: 330,000 settled pages at a million articles, 30 to 50 MB a thread. This takes 4
 * bytes a page, and a folder's name and a map's entry a list.
 */
import { nameTable } from './name-table.ts';
import { listingPagePath, pageFile, siteFolder } from './paths.ts';

/** One list's settled pages: its front page's path, and the unit of each numbered page from the first. */
export interface ListUnits {
  /** The list's front page's path (`/tag/نفت/`, from src/lib/paths.ts). */
  path: string;
  /** The unit of page 1, 2, …; undefined for a page the plan does not give to a unit. */
  units: readonly (string | undefined)[];
}

/** What `ListPageUnits.parts` gives and `fromParts` takes: typed arrays and strings, for a structured clone. */
export interface ListPageParts {
  /** Each list's front page's path. */
  paths: string[];
  /** Where each list's pages start in `units`, and one more: where the last one's end. */
  starts: Uint32Array;
  /** For each page, 1 + the index of its unit in `names`; 0 for a page that has none. */
  units: Uint32Array;
  /** Every unit named, once. */
  names: readonly string[];
}

/**
 * A list's numbered page as a file name: `<folder>/<n>/index.html`, the folder being the list's own
 * (`pageFile(listingPagePath(…))`). Page numbers are written without leading zeros.
 */
const NUMBERED_PAGE_FILE = /^(.+)\/([1-9]\d*)\/index\.html$/;

export class ListPageUnits implements Iterable<[string, string]> {
  readonly #paths: readonly string[];
  readonly #starts: Uint32Array;
  readonly #units: Uint32Array;
  readonly #names: readonly string[];
  /** A list's folder (`tag/نفت`) → its place in `#paths`. */
  readonly #listOf = new Map<string, number>();
  /** How many pages have a unit. */
  readonly size: number;

  private constructor({ paths, starts, units, names }: ListPageParts) {
    this.#paths = paths;
    this.#starts = starts;
    this.#units = units;
    this.#names = names;
    paths.forEach((path, at) => this.#listOf.set(siteFolder(path), at));
    this.size = units.reduce((count, unit) => count + Number(unit !== 0), 0);
  }

  /** The pages of `lists`; a list with no page of a unit is not kept. */
  static from(lists: Iterable<ListUnits>): ListPageUnits {
    const paths: string[] = [];
    const starts: number[] = [];
    const units: number[] = [];
    const unitNames = nameTable();
    for (const list of lists) {
      if (!list.units.some((unit) => unit !== undefined)) continue;
      paths.push(list.path);
      starts.push(units.length);
      for (const unit of list.units) {
        if (unit === undefined) {
          units.push(0);
          continue;
        }
        units.push(unitNames.indexOf(unit) + 1);
      }
    }
    starts.push(units.length);
    return new ListPageUnits({
      paths,
      starts: Uint32Array.from(starts),
      units: Uint32Array.from(units),
      names: unitNames.names,
    });
  }

  /** What it is made of, for a structured clone (`fromParts` makes it again). */
  parts(): ListPageParts {
    return { paths: [...this.#paths], starts: this.#starts, units: this.#units, names: this.#names };
  }

  static fromParts(parts: ListPageParts): ListPageUnits {
    return new ListPageUnits(parts);
  }

  /** The unit of the list page written to `file` (`tag/نفت/3/index.html`); undefined when it has none. */
  get(file: string): string | undefined {
    const match = NUMBERED_PAGE_FILE.exec(file);
    const list = match ? this.#listOf.get(match[1]!) : undefined;
    if (list === undefined) return undefined;
    const at = this.#starts[list]! + Number(match![2]) - 1;
    const unit = at < this.#starts[list + 1]! ? this.#units[at]! : 0;
    return unit === 0 ? undefined : this.#names[unit - 1];
  }

  has(file: string): boolean {
    return this.get(file) !== undefined;
  }

  /** Every page's file and unit, list by list in the order given, each list's from page 1. */
  *[Symbol.iterator](): Generator<[string, string]> {
    for (const [list, path] of this.#paths.entries()) {
      for (let at = this.#starts[list]!; at < this.#starts[list + 1]!; at++) {
        const unit = this.#units[at]!;
        if (unit !== 0) yield [pageFile(listingPagePath(path, at - this.#starts[list]! + 1)), this.#names[unit - 1]!];
      }
    }
  }

  *keys(): Generator<string> {
    for (const [file] of this) yield file;
  }

  *values(): Generator<string> {
    for (const [, unit] of this) yield unit;
  }
}
