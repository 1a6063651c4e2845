/**
 * One synthetic article: section, subject, place and people drawn from the word pools, a title and
 * lead of bounded length, frontmatter written the ways reporters write it, and a Markdown (or
 * sometimes MDX) body of 300–1,200 words. Each article draws from its own stream, seeded by
 * (seed, id).
 */
import { articleFolder, contentPath } from '../../src/lib/content/content-layout.ts';
import { JALALI_MONTH_NAMES } from '../../src/lib/dates/jalali.ts';
import { formatDate, MINUTES_PER_DAY, timeAt } from './calendar.ts';
import { IMAGES } from './images.ts';
import { mixSeed, Random } from './random.ts';
import { formatPersianNumber, toPersianDigits } from '../../src/lib/persian/digits.ts';
import { slugify } from '../../src/lib/persian/slug.ts';
import { yamlQuote } from '../lib/frontmatter.ts';
import { countWords, fill } from './text.ts';
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
} from './words.ts';

import type { Author } from './authors.ts';
import type { DateStyle } from './calendar.ts';
import type { Category, Place, Subject } from './words.ts';

export const MIN_BODY_WORDS = 300;
export const MAX_BODY_WORDS = 1200;

/** Site news is written in the capital. */
const TEHRAN: Place = { fa: 'تهران', en: 'tehran' };

export interface ArticleContext {
  id: number;
  random: Random;
  category: Category;
  subject: Subject;
  place: Place;
  slots: Record<string, string | (() => string)>;
  /** Templates not yet used, per pool. */
  decks: Map<readonly string[], string[]>;
}

function pickCategory(random: Random): Category {
  const total = CATEGORIES.reduce((sum, c) => sum + c.weight, 0);
  let r = random.next() * total;
  for (const category of CATEGORIES) {
    r -= category.weight;
    if (r < 0) return category;
  }
  return CATEGORIES[0] as Category;
}

/** A sentence from `templates` with its slots filled. */
function sentence(ctx: ArticleContext, templates: readonly string[]) {
  return fill(ctx.random.pick(templates), ctx.slots);
}

/**
 * Like `sentence`, but deals the templates like cards: none repeats in an article until the
 * whole pool has been used.
 */
function freshSentence(ctx: ArticleContext, templates: readonly string[]) {
  let deck = ctx.decks.get(templates);
  if (!deck || deck.length === 0) {
    deck = ctx.random.sample(templates, templates.length);
    ctx.decks.set(templates, deck);
  }
  return fill(deck.pop() as string, ctx.slots);
}

/** A paragraph of 2–5 sentences, mostly general, some of the section's own. */
function paragraph(ctx: ArticleContext, sentences = ctx.random.int(2, 5)) {
  const isSite = ctx.category.slug === 'site';
  const out: string[] = [];
  while (out.length < sentences) {
    const own = isSite || ctx.random.chance(0.2);
    out.push(freshSentence(ctx, own ? ctx.category.sentences : SENTENCES));
  }
  return out.join(' ');
}

/** A bulleted list: an introducing sentence, then 3–5 items ending in «؛» and the last in «.». */
function bulletList(ctx: ArticleContext) {
  const items = ctx.random.sample(LIST_ITEMS, ctx.random.int(3, 5)).map((item) => fill(item, ctx.slots));
  const lines = items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : '؛'}`);
  return `${ctx.random.pick(LIST_INTROS)}\n\n${lines.join('\n')}`;
}

/**
 * The body: an opening paragraph, 1–3 sections under `##` headings, sometimes a list, a
 * blockquote, a link, and in MDX a FactBox and a PullQuote. Between 300 and 1,200 words.
 */
function articleBody(ctx: ArticleContext, mdx: boolean) {
  const { random } = ctx;
  const target = random.int(MIN_BODY_WORDS + 20, MAX_BODY_WORDS - 120);
  const sectionCount = random.int(1, 3);
  const isSite = ctx.category.slug === 'site';
  const headings = random.sample(
    isSite ? ctx.category.headings : [...ctx.category.headings, ...GENERAL_HEADINGS],
    sectionCount,
  );
  const blocks: string[] = [];
  let words = 0;
  const add = (block: string) => {
    blocks.push(block);
    words += countWords(block);
  };
  /** Adds `block` unless it would take the body past the maximum. */
  const addIfRoom = (block: string) => {
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

/** Text from `templates` whose word count lies in [min, max]; tries a few templates, then trims. */
function boundedText(ctx: ArticleContext, templates: readonly string[], min: number, max: number) {
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

export interface Article {
  path: string;
  content: string;
}

/**
 * One article file.
 * @param timeIndex Minutes on the publishing timeline.
 * @param timelineEnd Minutes on the timeline (exclusive).
 */
export function makeArticle(
  id: number,
  seed: number,
  timeIndex: number,
  timelineEnd: number,
  authors: Author[],
  /** A body to write instead of the article's own (a frontmatter-only corpus). */
  shortBody?: string,
): Article {
  const random = new Random(mixSeed(seed, id));
  const category = pickCategory(random);
  const subject = random.pick(category.subjects);
  const places = category.slug === 'international' ? FOREIGN_CITIES : IRANIAN_CITIES;
  const where = category.slug === 'site' ? TEHRAN : random.pick(places);
  const official = random.pick(category.officials);
  const org = random.pick(category.orgs);
  const t = timeAt(timeIndex);
  const ctx: ArticleContext = {
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
      year: toPersianDigits(t.year + 1),
      q: () => random.pick(QUOTES),
      n: () => formatPersianNumber(random.int(12, 980), { grouped: true }),
      small: () => toPersianDigits(random.int(2, 12)),
      big: () => formatPersianNumber(random.int(1, 90) * 100, { grouped: true }),
      pct: () => toPersianDigits(random.int(3, 45)),
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
  const style: DateStyle = r < 0.05 ? 'iso' : r < 0.15 ? 'jalali-persian' : r < 0.27 ? 'jalali-dash' : 'jalali';

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
    `title: ${yamlQuote(title)}`,
    `lead: ${yamlQuote(lead)}`,
    `date: ${formatDate(t, style)}`,
  ];
  if (random.chance(0.12)) {
    const updatedIndex = timeIndex + random.int(20, 3 * MINUTES_PER_DAY);
    if (updatedIndex < timelineEnd) lines.push(`updated: ${formatDate(timeAt(updatedIndex), style)}`);
  }
  lines.push(
    `category: ${category.slug}`,
    `tags: [${uniqueTags.map(yamlQuote).join(', ')}]`,
    `authors: [${byline.map((a) => yamlQuote(a.slug)).join(', ')}]`,
  );
  if (random.chance(0.1)) {
    const image = random.pick(IMAGES);
    lines.push(`image: ../../images/${image.name}.jpg`, `imageAlt: ${yamlQuote(image.alt)}`);
  }
  if (random.chance(0.03)) lines.push('featured: true');
  if (random.chance(0.01)) lines.push('breaking: true');
  if (random.chance(0.02)) lines.push('draft: true');
  if (random.chance(0.1)) lines.push('comments: false');
  if (random.chance(0.3)) {
    // Each article's own, as a real archive's are (an imported story's is its title's, and a
    // reporter's is the file's): a segment build holds one per article it does not show.
    const slug = random.chance(0.5) ? `${subject.en}-${where.en}-${id}` : slugify(title);
    lines.push(`slug: ${yamlQuote(slug)}`);
  }
  if (random.chance(0.05)) {
    lines.push(`source: { name: ${yamlQuote(random.pick(SOURCES))}, url: 'https://example.com/${subject.en}/${id}' }`);
  }
  lines.push('---', '');

  const file = `${id}-${subject.en}-${where.en}.${mdx ? 'mdx' : 'md'}`;
  return {
    path: contentPath('articles', articleFolder(t), file),
    // The body is drawn last: without it (an index-only corpus) the frontmatter is the same.
    content: `${lines.join('\n')}\n${shortBody ?? articleBody(ctx, mdx)}`,
  };
}
