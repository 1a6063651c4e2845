/**
 * An article's frontmatter packed to what every page of a build reads of every article (pure): its
 * number, dates, section, reporters, tags, flags, slug and timeline. A segment build keeps in full
 * only the articles its own pages show and packs the others, in its content store from the moment
 * content sync reads them (src/lib/content/shown-bodies.ts) and in the pages' archive
 * (src/data/articles.ts), so that what it holds of the rest of the archive is an index, not the
 * archive.
 *
 * A packed article must never be shown silently wrong: reading a field it left out throws, naming
 * the article and the field. Only fields the article had are guarded; one it never had reads as
 * `undefined`, as it did before.
 */
import { boundedMemo } from '#lib/bounded-memo.ts';
import { FINGERPRINTED_AS } from '#lib/incremental/page-digest.ts';

/**
 * What a packed article keeps: what lists, feeds' choice, the home page's choice and sitemaps read
 * of every article. One object literal with every field, the prototype that guards the others
 * given with it: every packed article has the same shape whichever optional fields it has.
 */
const packedRecord = (data: Readonly<Record<string, unknown>>, prototype: object) => ({
  __proto__: prototype,
  id: data.id,
  date: data.date,
  updated: data.updated,
  category: shared(data.category),
  authors: shared(data.authors),
  tags: sharedTags(data.tags),
  featured: data.featured,
  breaking: data.breaking,
  draft: data.draft,
  slug: data.slug,
  live: data.live,
  liveEnded: data.liveEnded,
  corrections: shared(data.corrections),
  updates: shared(data.updates),
});

/**
 * One frozen copy of each section or reporters reference and of an empty list, shared by every
 * packed article that has it: about 16 MB a thread at 100,000 articles were copies of a few hundred
 * values (`{ collection: 'categories', id: 'economy' }`, `[]`). Other values are kept as they are.
 */
const sharedCopy = boundedMemo((json: string): unknown => {
  const value = JSON.parse(json) as object;
  return Object.freeze(Array.isArray(value) ? value.map((ref: object) => Object.freeze(ref)) : value);
});

/** `value`, or one frozen copy shared by every packed article when it is a reference or a list of them. */
export function shared(value: unknown): unknown {
  const shareable = isReference(value) || (Array.isArray(value) && (value.length === 0 || value.every(isReference)));
  return shareable ? sharedCopy(JSON.stringify(value)) : value;
}

/**
 * One copy of each tag's text, shared by every packed article that has the tag. Each article's
 * YAML, and each part of the file of packed entries (./packed-entries.ts), gives its own copy of
 * the same words: 135 bytes an article of a page thread's heap at a million articles (667 instead
 * of 802 bytes a packed entry, measured on the entries of a million-article segment, 4 December
 * 2026). The list stays the article's own.
 */
const sharedText = boundedMemo((text: string) => text);

function sharedTags(tags: unknown): unknown {
  return Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags.map(sharedText) : tags;
}

/** A content reference as Astro's `reference()` gives it: `{ collection, id }` and nothing else. */
function isReference(value: unknown): value is { collection: string; id: string } {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof (value as { collection?: unknown }).collection === 'string' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/** The fields a packed article keeps, named once: the record's own. */
export const PACKED_FIELDS: ReadonlySet<string> = new Set(Object.keys(packedRecord({}, Object.prototype)));

const PACKED = Symbol.for('bayegan.packedArticleData');

/** Where a packed article's prototype names the fields it left out. */
const LEFT_OUT = Symbol.for('bayegan.packedArticleLeftOut');

/**
 * The field of a packed article's data as the content store keeps it, naming the fields it left
 * out: the store keeps plain data, no prototype (content sync packs what a segment does not show,
 * src/lib/content/packed-entries.ts). The schema refuses any field it does not know, so no
 * article's frontmatter has it.
 */
export const LEFT_OUT_FIELD = 'bayeganLeftOut';

/** One frozen list of left-out fields per set of them (a handful), shared by every packed article. */
const fieldList = boundedMemo((fields: string): readonly string[] =>
  Object.freeze(fields === '' ? [] : fields.split(' ')),
);

/** One prototype per set of left-out fields (a handful: optional fields vary), shared by every packed article. */
const prototypes = new Map<string, object>();

function prototypeLeavingOut(fields: readonly string[]): object {
  const key = fields.join(' ');
  let prototype = prototypes.get(key);
  if (!prototype) prototypes.set(key, (prototype = guardLeavingOut(Object.create(Object.prototype) as object, fields)));
  return prototype;
}

/**
 * `prototype`, made the prototype of packed data that left out `fields`: it is known as packed, it
 * names them, reading one of them throws, and it refuses to be in a page's fingerprint. The pages'
 * packed articles (./packed-columns.ts) give their kept fields from columns, through a prototype
 * guarded so.
 */
export function guardLeavingOut<P extends object>(prototype: P, fields: readonly string[]): P {
  return Object.defineProperties(prototype, {
    [PACKED]: { value: true },
    [LEFT_OUT]: { value: fieldList(fields.join(' ')) },
    // A page's fingerprint would silently lack the left-out fields.
    [FINGERPRINTED_AS]: { value: refuseFingerprint },
    ...Object.fromEntries(
      fields.map((field) => [
        field,
        {
          get(this: { id?: unknown }) {
            throw new Error(
              `Article ${String(this.id)}: its field "${field}" was read, but this segment build left it out as another segment's (it keeps only ${[...PACKED_FIELDS].join(', ')} of articles its pages do not show). This is a bug of Bayegan's segment plan: build without --segment meanwhile.`,
            );
          },
        },
      ]),
    ),
  });
}

function refuseFingerprint(data: { id?: unknown }): never {
  throw new Error(
    `Article ${String(data.id)} is packed in this segment build, yet a page this segment owns was fingerprinted with it. This is a bug of Bayegan's segment plan: build without --segment meanwhile.`,
  );
}

/**
 * The field of a packed article's data as the content store keeps it, in the plan of a segmented
 * build: the encoding of the whole entry in a page's fingerprint, made by content sync
 * (src/lib/content/entry-fingerprint.ts), which stands in for the entry (./packed-entries.ts).
 */
export const FINGERPRINT_FIELD = 'bayeganFingerprint';

/** The fields `data` leaves out, or would leave out once packed. */
export function leftOutFields(data: object): readonly string[] {
  const named =
    (data as Record<string | symbol, unknown>)[LEFT_OUT] ?? (data as Record<string, unknown>)[LEFT_OUT_FIELD];
  if (Array.isArray(named)) return named as string[];
  return fieldList(
    Object.keys(data)
      .filter((field) => !PACKED_FIELDS.has(field))
      .join(' '),
  );
}

/**
 * `data` packed: the same values of the kept fields (same objects; a field it lacks is there as
 * `undefined`), and a loud failure for the others. Data packed as the store keeps it
 * (`storedPackedData`) is given its guard back.
 */
export function packedData<T extends object>(data: T): T {
  if ((data as Record<symbol, unknown>)[PACKED] === true) return data;
  return packedRecord(data as Record<string, unknown>, prototypeLeavingOut(leftOutFields(data))) as unknown as T;
}

/**
 * `data` packed as the content store keeps it: a plain object of the kept fields it has, and the
 * names of the fields it left out under `LEFT_OUT_FIELD`; with `fingerprint`, the encoding of its
 * whole entry under `FINGERPRINT_FIELD`.
 */
export function storedPackedData(data: object, fingerprint?: string): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  const record = packedRecord(data as Record<string, unknown>, Object.prototype) as Record<string, unknown>;
  for (const field of PACKED_FIELDS) if (record[field] !== undefined) stored[field] = record[field];
  stored[LEFT_OUT_FIELD] = leftOutFields(data);
  if (fingerprint !== undefined) stored[FINGERPRINT_FIELD] = fingerprint;
  return stored;
}

/** Whether `data` is a packed article's (whose left-out fields cannot be read), guarded or as the store keeps it. */
export function isPackedData(data: object): boolean {
  const record = data as Record<string | symbol, unknown>;
  return record[PACKED] === true || Array.isArray(record[LEFT_OUT_FIELD]);
}
