// @ts-check
/**
 * One synthetic article: section, subject, place and people drawn from the word pools, a title and
 * lead of bounded length, frontmatter written the ways reporters write it, and a Markdown (or
 * sometimes MDX) body of 300–1,200 words. Each article draws from its own stream, seeded by
 * (seed, id).
 */
import { JALALI_MONTH_NAMES } from '../../src/lib/dates/jalali.ts';
import { formatDate, MINUTES_PER_DAY, timeAt } from './calendar.mjs';
import { IMAGES } from './images.mjs';
import { mixSeed, Random } from './random.mjs';
import { countWords, fill, pad2, persianCount, persianDigits, yamlString } from './text.mjs';
import {
  CATEGORIES,
  CLOSINGS,
  FIRST_NAMES,
  FOREIGN_CITIES,
  GENERAL_HEADINGS,
  GENERAL_TAGS,
  IRANIAN_CITIES,
  LEAD_FOLLOW_UPS,
  LEADS,
  LINK_SENTENCES,
  LIST_INTROS,
  LIST_ITEMS,
  OPENINGS,
  PERIODS,
  QUOTES,
  SENTENCES,
  SITE_LEADS,
  SITE_OPENINGS,
  SITE_TITLES,
  SOURCES,
  SURNAMES,
  TITLES,
} from './words.mjs';

/** @typedef {import('./authors.mjs').Author} Author */
/** @typedef {import('./calendar.mjs').DateStyle} DateStyle */
/** @typedef {import('./words.mjs').Category} Category */
/** @typedef {import('./words.mjs').Place} Place */
/** @typedef {import('./words.mjs').Subject} Subject */

export const MIN_BODY_WORDS = 300;
export const MAX_BODY_WORDS = 1200;

const ZWNJ = '\u200c';

/** Site news is written in the capital. @type {Place} */
const TEHRAN = { fa: 'تهران', en: 'tehran' };

/**
 * @typedef {object} ArticleContext
 * @property {number} id
 * @property {Random} random
 * @property {Category} category
 * @property {Subject} subject
 * @property {Place} place
 * @property {Record<string, string | (() => string)>} slots
 * @property {Map<readonly string[], string[]>} decks Templates not yet used, per pool.
 */

/**
 * @param {Random} random
 * @returns {Category}
 */
function pickCategory(random) {
  const total = CATEGORIES.reduce((sum, c) => sum + c.weight, 0);
  let r = random.next() * total;
  for (const category of CATEGORIES) {
    r -= category.weight;
    if (r < 0) return category;
  }
  return /** @type {Category} */ (CATEGORIES[0]);
}

/**
 * A sentence from `templates` with its slots filled.
 * @param {ArticleContext} ctx
 * @param {readonly string[]} templates
 */
function sentence(ctx, templates) {
  return fill(ctx.random.pick(templates), ctx.slots);
}

/**
 * Like `sentence`, but deals the templates like cards: none repeats in an article until the
 * whole pool has been used.
 * @param {ArticleContext} ctx
 * @param {readonly string[]} templates
 */
function freshSentence(ctx, templates) {
  let deck = ctx.decks.get(templates);
  if (!deck || deck.length === 0) {
    deck = ctx.random.sample(templates, templates.length);
    ctx.decks.set(templates, deck);
  }
  return fill(/** @type {string} */ (deck.pop()), ctx.slots);
}

/**
 * A paragraph of 2–5 sentences, mostly general, some of the section's own.
 * @param {ArticleContext} ctx
 * @param {number} [sentences]
 */
function paragraph(ctx, sentences = ctx.random.int(2, 5)) {
  const isSite = ctx.category.slug === 'site';
  /** @type {string[]} */
  const out = [];
  while (out.length < sentences) {
    const own = isSite || ctx.random.chance(0.2);
    out.push(freshSentence(ctx, own ? ctx.category.sentences : SENTENCES));
  }
  return out.join(' ');
}

/**
 * A bulleted list: an introducing sentence, then 3–5 items ending in «؛» and the last in «.».
 * @param {ArticleContext} ctx
 */
function bulletList(ctx) {
  const items = ctx.random.sample(LIST_ITEMS, ctx.random.int(3, 5)).map((item) => fill(item, ctx.slots));
  const lines = items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : '؛'}`);
  return `${ctx.random.pick(LIST_INTROS)}\n\n${lines.join('\n')}`;
}

/**
 * The body: an opening paragraph, 1–3 sections under `##` headings, sometimes a list, a
 * blockquote, a link, and in MDX a FactBox and a PullQuote. Between 300 and 1,200 words.
 * @param {ArticleContext} ctx
 * @param {boolean} mdx
 */
function articleBody(ctx, mdx) {
  const { random } = ctx;
  const target = random.int(MIN_BODY_WORDS + 20, MAX_BODY_WORDS - 120);
  const sectionCount = random.int(1, 3);
  const isSite = ctx.category.slug === 'site';
  const headings = random.sample(
    isSite ? ctx.category.headings : [...ctx.category.headings, ...GENERAL_HEADINGS],
    sectionCount,
  );
  /** @type {string[]} */
  const blocks = [];
  let words = 0;
  /** @param {string} block */
  const add = (block) => {
    blocks.push(block);
    words += countWords(block);
  };
  /** Adds `block` unless it would take the body past the maximum. @param {string} block */
  const addIfRoom = (block) => {
    if (words + countWords(block) > MAX_BODY_WORDS - 40) return false;
    add(block);
    return true;
  };

  const opening = fill(random.pick(isSite ? SITE_OPENINGS : OPENINGS), ctx.slots);
  add(`${opening} ${paragraph(ctx, random.int(1, 4))}`);
  if (mdx) {
    const facts = random.sample(LIST_ITEMS, random.int(3, 4)).map((item) => `- ${fill(item, ctx.slots)}`);
    add(`<FactBox title="در یک نگاه">\n\n${facts.join('\n')}\n\n</FactBox>`);
  }

  // Extras go into random sections (0 = after the opening).
  const listAt = random.chance(0.35) ? random.int(0, sectionCount) : -1;
  const quoteAt = random.chance(0.25) ? random.int(1, sectionCount) : -1;
  const linkAt = random.chance(0.3) ? random.int(0, sectionCount) : -1;
  const pullQuoteAt = mdx ? random.int(1, sectionCount) : -1;

  for (let section = 0; section <= sectionCount; section++) {
    const budget = (target * (section + 1)) / (sectionCount + 1);
    if (section > 0) {
      add(`## ${headings[section - 1] ?? 'ادامهٔ گزارش'}`);
      add(paragraph(ctx));
    }
    if (section === listAt) addIfRoom(bulletList(ctx));
    if (section === quoteAt) addIfRoom(`> «${random.pick(QUOTES)}.»`);
    if (section === pullQuoteAt) {
      const cite = `${fill('{person}', ctx.slots)}، ${random.pick(ctx.category.officials)}`;
      addIfRoom(`<PullQuote cite="${cite}">${random.pick(QUOTES)}.</PullQuote>`);
    }
    while (words < budget) {
      if (!addIfRoom(paragraph(ctx)) && !addIfRoom(paragraph(ctx, 2))) break;
    }
    if (section === linkAt) addIfRoom(fill(random.pick(LINK_SENTENCES), ctx.slots));
  }
  while (words < MIN_BODY_WORDS) add(paragraph(ctx, 2));
  addIfRoom(random.pick(CLOSINGS));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Text from `templates` whose word count lies in [min, max]; tries a few templates, then trims.
 * @param {ArticleContext} ctx
 * @param {readonly string[]} templates
 * @param {number} min
 * @param {number} max
 */
function boundedText(ctx, templates, min, max) {
  let text = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    text = sentence(ctx, templates);
    const count = text.split(/\s+/).length;
    if (count >= min && count <= max) return text;
  }
  const words = text.split(/\s+/);
  while (words.length < min) words.push(ctx.place.fa);
  return words.slice(0, max).join(' ');
}

/**
 * @typedef {object} Article
 * @property {string} path
 * @property {string} content
 */

/**
 * One article file.
 * @param {number} id
 * @param {number} seed
 * @param {number} timeIndex Minutes on the publishing timeline.
 * @param {number} timelineEnd Minutes on the timeline (exclusive).
 * @param {Author[]} authors
 * @returns {Article}
 */
export function makeArticle(id, seed, timeIndex, timelineEnd, authors) {
  const random = new Random(mixSeed(seed, id));
  const category = pickCategory(random);
  const subject = random.pick(category.subjects);
  const places = category.slug === 'international' ? FOREIGN_CITIES : IRANIAN_CITIES;
  const where = category.slug === 'site' ? TEHRAN : random.pick(places);
  const official = random.pick(category.officials);
  const org = random.pick(category.orgs);
  const t = timeAt(timeIndex);
  /** @type {ArticleContext} */
  const ctx = {
    id,
    random,
    category,
    subject,
    place: where,
    slots: {
      desk: category.desk,
      s: subject.fa,
      p: where.fa,
      p2: () => random.pick(places).fa,
      o: org,
      off: official,
      person: () => `${random.pick(FIRST_NAMES).fa} ${random.pick(SURNAMES).fa}`,
      period: () => random.pick(PERIODS),
      month: () => random.pick(JALALI_MONTH_NAMES),
      year: persianDigits(t.year + 1),
      q: () => random.pick(QUOTES),
      n: () => persianCount(random.int(12, 980)),
      small: () => persianDigits(random.int(2, 12)),
      big: () => persianCount(random.int(1, 90) * 100),
      pct: () => persianDigits(random.int(3, 45)),
      id: String(id),
      en: subject.en,
    },
    decks: new Map(),
  };
  const isSite = category.slug === 'site';

  const title = boundedText(ctx, isSite ? SITE_TITLES : TITLES, 6, 14);
  let lead = sentence(ctx, isSite ? SITE_LEADS : LEADS);
  if (random.chance(0.4)) lead += ` ${sentence(ctx, LEAD_FOLLOW_UPS)}`;

  const r = random.next();
  /** @type {DateStyle} */
  const style = r < 0.05 ? 'iso' : r < 0.15 ? 'jalali-persian' : r < 0.27 ? 'jalali-dash' : 'jalali';

  // Tags: the subject's, one to three of the section's, sometimes the city and a general one.
  const tags = [subject.tag, ...random.sample(category.tags, random.int(1, 3))];
  if (!isSite && category.slug !== 'international' && random.chance(0.4)) tags.push(where.fa);
  if (random.chance(0.2)) tags.push(random.pick(GENERAL_TAGS));
  const uniqueTags = [...new Set(tags)].slice(0, 5);

  // Authors: someone from the section's desk, sometimes a colleague from another.
  const desk = authors.filter((a) => a.desk === category.slug);
  const byline = [random.pick(desk.length > 0 ? desk : authors)];
  if (random.chance(0.15)) {
    const other = random.pick(authors);
    if (!byline.includes(other)) byline.push(other);
  }

  const mdx = random.chance(0.03);
  const lines = [
    '---',
    `id: ${id}`,
    `title: ${yamlString(title)}`,
    `lead: ${yamlString(lead)}`,
    `date: ${formatDate(t, style)}`,
  ];
  if (random.chance(0.12)) {
    const updatedIndex = timeIndex + random.int(20, 3 * MINUTES_PER_DAY);
    if (updatedIndex < timelineEnd) lines.push(`updated: ${formatDate(timeAt(updatedIndex), style)}`);
  }
  lines.push(
    `category: ${category.slug}`,
    `tags: [${uniqueTags.map(yamlString).join(', ')}]`,
    `authors: [${byline.map((a) => yamlString(a.slug)).join(', ')}]`,
  );
  if (random.chance(0.1)) {
    const image = random.pick(IMAGES);
    lines.push(`image: ../../images/${image.name}.jpg`, `imageAlt: ${yamlString(image.alt)}`);
  }
  if (random.chance(0.03)) lines.push('featured: true');
  if (random.chance(0.01)) lines.push('breaking: true');
  if (random.chance(0.02)) lines.push('draft: true');
  if (random.chance(0.1)) lines.push('comments: false');
  if (random.chance(0.3)) {
    const slug = random.chance(0.5)
      ? `${subject.en}-${where.en}-${t.year}`
      : // Already in URL form, as the site would make it: no hamza mark (ٔ), hyphens for spaces and ZWNJ.
        `${subject.fa} ${where.fa}`.replace(/\u0654/g, '').replace(new RegExp(`[\\s${ZWNJ}]+`, 'g'), '-');
    lines.push(`slug: ${yamlString(slug)}`);
  }
  if (random.chance(0.05)) {
    lines.push(`source: { name: ${yamlString(random.pick(SOURCES))}, url: 'https://example.com/${subject.en}/${id}' }`);
  }
  lines.push('---', '');

  const file = `${id}-${subject.en}-${where.en}.${mdx ? 'mdx' : 'md'}`;
  return {
    path: `articles/${t.year}/${pad2(t.month)}/${file}`,
    content: `${lines.join('\n')}\n${articleBody(ctx, mdx)}`,
  };
}
