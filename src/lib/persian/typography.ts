/**
 * Persian typography lint for reporters' files (`npm run check:content`, `--fix`). Each rule finds
 * one kind of slip and knows its safe correction. Only prose is touched: code blocks and spans,
 * URLs, link targets, HTML/JSX tags, MDX expressions, frontmatter keys and non-prose fields are
 * left alone, and every rule needs Persian letters around the slip, so Latin text is never changed.
 * Pure: text in, findings and corrected text out.
 */
import { ZWNJ } from './normalize.ts';

export type TypographyRule =
  | 'arabic-letters'
  | 'zwnj-prefix'
  | 'zwnj-suffix'
  | 'persian-punctuation'
  | 'persian-digits'
  | 'double-space'
  | 'tatweel';

export interface TypographyFinding {
  rule: TypographyRule;
  /** 1-based line in the file. */
  line: number;
  /** The frontmatter field, or `body`. */
  field: string;
  /** The text as written and as corrected (a few words around the slip). */
  before: string;
  after: string;
}

/** What each rule asks for, in words a reporter understands. */
export const TYPOGRAPHY_ADVICE: Record<TypographyRule, string> = {
  'arabic-letters':
    'use the Persian letters ی and ک (and ه for ة, Persian digits for Arabic ones) instead of the Arabic ي ك ى ة',
  'zwnj-prefix': 'join می/نمی to the verb with a zero-width non-joiner (نیم‌فاصله): می‌شود, نمی‌کند',
  'zwnj-suffix': 'join ها/های/تر/ترین to the word with a zero-width non-joiner (نیم‌فاصله): کتاب‌ها, بزرگ‌تر',
  'persian-punctuation': 'use the Persian comma, semicolon and question mark (، ؛ ؟) in Persian sentences',
  'persian-digits': 'write numbers in Persian prose with Persian digits (۱۴۰۳)',
  'double-space': 'use a single space between words',
  tatweel: 'remove the tatweel (ـ), a stretching stroke that breaks search and copying',
};

/** A letter of the Persian/Arabic alphabet (not a digit, mark, tatweel or punctuation), as a regex class. */
export const FA_LETTER = '[\\u0621-\\u063f\\u0641-\\u064a\\u066e-\\u06d3\\u06d5\\u06fa-\\u06ff]';
const FA_LETTER_RE = new RegExp(FA_LETTER, 'u');
const LATIN_LETTER_RE = /[A-Za-z\u00c0-\u024f]/;

/**
 * Present and past stems of common verbs, to find می/نمی written joined without ZWNJ (میشود).
 * A list, not a pattern: many ordinary words start with می (میدان, میز, میلیون).
 */
const PRESENT_STEMS = [
  'شو',
  'کن',
  'گوی',
  'گو',
  'ده',
  'توان',
  'خواه',
  'رو',
  'آی',
  'دان',
  'بین',
  'گیر',
  'رس',
  'مان',
  'یاب',
  'کوش',
  'نویس',
  'پرداز',
  'شناس',
  'گذار',
  'گذر',
  'زن',
  'ساز',
  'آور',
  'بر',
  'خور',
  'پذیر',
  'باش',
  'گرد',
  'ریز',
  'کش',
  'فرست',
  'پوش',
  'خوان',
  'نشین',
  'افت',
  'افزای',
  'اندیش',
  'جوی',
  'بند',
  'دار',
  'گشای',
  'ترس',
  'پرس',
  'فروش',
  'خر',
  'سوز',
  'ران',
  'کاه',
  'گنج',
  'لرز',
  'نگر',
  'شنو',
  'نما',
  'نمای',
  'بخش',
  'چرخ',
  'خند',
  'گری',
  'پاش',
];
const PAST_STEMS = [
  'کرد',
  'شد',
  'گفت',
  'داد',
  'توانست',
  'خواست',
  'رفت',
  'آمد',
  'دانست',
  'دید',
  'گرفت',
  'رسید',
  'ماند',
  'یافت',
  'کوشید',
  'نوشت',
  'پرداخت',
  'شناخت',
  'گذاشت',
  'گذشت',
  'زد',
  'ساخت',
  'آورد',
  'برد',
  'خورد',
  'پذیرفت',
  'بود',
  'گشت',
  'کشید',
  'فرستاد',
  'خواند',
  'نشست',
  'افتاد',
  'افزود',
  'اندیشید',
  'بست',
  'داشت',
  'ترسید',
  'پرسید',
  'فروخت',
  'خرید',
  'سوخت',
  'راند',
  'کاست',
  'گنجید',
  'لرزید',
  'نگریست',
  'شنید',
  'نمود',
  'بخشید',
  'چرخید',
  'خندید',
  'گریست',
  'بایست',
  'توان',
];
const PRESENT_ENDINGS = ['م', 'ی', 'د', 'یم', 'ید', 'ند'];
const PAST_ENDINGS = ['', 'م', 'ی', 'یم', 'ید', 'ند'];
/** Words built like a joined verb that are ordinary words: «بررسی میدانی» is a field survey. */
const NOT_VERBS = new Set(['میدانی']);

const JOINED_VERBS = new Set<string>();
for (const prefix of ['می', 'نمی']) {
  for (const stem of PRESENT_STEMS) for (const ending of PRESENT_ENDINGS) JOINED_VERBS.add(prefix + stem + ending);
  for (const stem of PAST_STEMS) for (const ending of PAST_ENDINGS) JOINED_VERBS.add(prefix + stem + ending);
}
for (const word of NOT_VERBS) JOINED_VERBS.delete(word);

/** Adjectives whose comparative is often typed with a space (بزرگ تر); see the «تر» rule. */
const COMPARABLE_ADJECTIVES = new Set([
  'بزرگ',
  'کوچک',
  'کم',
  'بیش',
  'مهم',
  'سریع',
  'آسان',
  'سخت',
  'دشوار',
  'ساده',
  'گران',
  'ارزان',
  'بلند',
  'کوتاه',
  'دور',
  'نزدیک',
  'قوی',
  'ضعیف',
  'جدی',
  'روشن',
  'تاریک',
  'سنگین',
  'سبک',
  'گرم',
  'سرد',
  'تازه',
  'قدیمی',
  'جدید',
  'پایین',
  'بالا',
  'زیاد',
  'فراوان',
  'وسیع',
  'گسترده',
  'عمیق',
  'دقیق',
  'مناسب',
  'مطلوب',
  'پیچیده',
  'شدید',
  'کند',
  'تند',
  'زود',
  'دیر',
  'خوب',
  'بد',
  'زیبا',
  'جوان',
  'پیر',
  'سالم',
  'امن',
  'ایمن',
  'ارزشمند',
  'مؤثر',
  'موثر',
  'کارآمد',
  'بیشتر',
  'افزون',
  'فعال',
  'آرام',
  'شلوغ',
  'خلوت',
  'پربار',
  'گسترده',
  'محکم',
  'پررنگ',
  'کمرنگ',
]);

const SUFFIXES = 'هایشان|هایتان|هایمان|هایی|هایم|هایت|هایش|های|ها|ترین|تر';
const AFTER_WORD = `(?![\\u0621-\\u06ff\\u200c])`;

interface Rule {
  id: TypographyRule;
  /** A cheap test: the rule runs only on text that contains this (most prose is clean). */
  trigger: RegExp;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const ARABIC_TO_PERSIAN: Record<string, string> = { ي: 'ی', ى: 'ی', ك: 'ک', ة: 'ه' };

const RULES: Rule[] = [
  {
    id: 'arabic-letters',
    trigger: /[يىكة\u0660-\u0669]/,
    // Whole words, so a finding reads «كتاب» → «کتاب». ة inside a compound (دایرةالمعارف) becomes
    // ه + ZWNJ, the standard spelling دایره‌المعارف; at a word's end, ه.
    pattern: /[\p{L}\p{M}\u200c\u0660-\u0669]*[يىكة\u0660-\u0669][\p{L}\p{M}\u200c\u0660-\u0669]*/gu,
    replace: (word) =>
      word
        .replace(new RegExp(`ة(?=${FA_LETTER})`, 'gu'), `ه${ZWNJ}`)
        .replace(/[يىكة]/g, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch)
        .replace(/[\u0660-\u0669]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0660 + 0x06f0)),
  },
  {
    id: 'tatweel',
    trigger: /\u0640/,
    pattern: /[\p{L}\u200c]*\u0640[\p{L}\u200c\u0640]*/gu,
    // Only a stroke that stretches a word: a tatweel with no letter beside it separates numbers
    // (a year range «۱۳۹۸ـ۱۴۰۲»), and taking it out would glue them into one number. (The tatweel
    // is itself a "letter" to Unicode, Lm, hence the lookahead.)
    replace: (word) => (/(?!\u0640)\p{L}/u.test(word) ? word.replace(/\u0640/g, '') : word),
  },
  {
    id: 'zwnj-prefix',
    trigger: /می /,
    // Detached: «می شود» → «می‌شود». Only before a Persian letter, and only the words می/نمی.
    // Not «ماه می» or «اول می»: می is also the month of May.
    pattern: new RegExp(`(?<![\\u0621-\\u06ff\\u200c])(?<![0-9۰-۹] |ماه |اول )(ن?می) +(?=${FA_LETTER})`, 'gu'),
    replace: (_match, prefix) => `${prefix}${ZWNJ}`,
  },
  {
    id: 'zwnj-prefix',
    trigger: /می/,
    // Joined: «میشود» → «می‌شود», for known verb forms only.
    pattern: new RegExp(`(?<![\\u0621-\\u06ff\\u200c])(ن?می)(${FA_LETTER}+)${AFTER_WORD}`, 'gu'),
    replace: (match, prefix, rest) => (JOINED_VERBS.has(match) ? `${prefix}${ZWNJ}${rest}` : match),
  },
  {
    id: 'zwnj-suffix',
    trigger: / (?:ها|تر)/,
    // Detached: «کتاب ها» → «کتاب‌ها», «بزرگ ترین» → «بزرگ‌ترین». A lone «تر» is also the word
    // "wet" («پسماند تر»), so it is joined only to adjectives known to take it («بزرگ تر»).
    pattern: new RegExp(
      `(?<![\\u0621-\\u06ff\\u200c])([\\u0621-\\u06ff\\u200c]*${FA_LETTER}) +(${SUFFIXES})${AFTER_WORD}`,
      'gu',
    ),
    replace: (match, word, suffix) =>
      suffix === 'تر' && !COMPARABLE_ADJECTIVES.has(word) ? match : `${word}${ZWNJ}${suffix}`,
  },
  {
    id: 'zwnj-suffix',
    trigger: /[هی](?:ها|تر)/,
    // Joined after ه or ی, where Persian never glues the plural on: «حوزهها» → «حوزه‌ها»,
    // «همکاریها» → «همکاری‌ها». Comparatives only on stems of three letters or more (بهتر is a word).
    pattern: new RegExp(
      `(?<![\\u0621-\\u06ff\\u200c])(${FA_LETTER}+[هی])(هایشان|هایتان|هایمان|هایی|هایم|هایت|هایش|های|ها|ترین|تر)${AFTER_WORD}`,
      'gu',
    ),
    replace: (match, stem, suffix) =>
      suffix.startsWith('ت') && stem.length < 3 ? match : stem.length < 2 ? match : `${stem}${ZWNJ}${suffix}`,
  },
  {
    id: 'persian-punctuation',
    trigger: /[,;?]| [،؛؟]/,
    // A Latin , ; ? right after Persian (a letter, digit or closing guillemet), spaces before it
    // dropped; a space before a Persian mark too («خبر ، در» → «خبر، در»).
    // Never between digits of any script: «۱۲,۵۰۰» is a number with its thousands separator.
    pattern: /([\u0621-\u06ff»]) *([,;?])(?![0-9\u0660-\u0669\u06f0-\u06f9])|([\u0621-\u06ff»]) +([،؛؟])/gu,
    replace: (match, latinBefore, latinMark, before, persianMark) => {
      if (persianMark) return `${before}${persianMark}`;
      if (!FA_LETTER_RE.test(latinBefore) && !/[\u06f0-\u06f9»]/.test(latinBefore)) return match;
      return `${latinBefore}${latinMark === ',' ? '،' : latinMark === ';' ? '؛' : '؟'}`;
    },
  },
  {
    id: 'double-space',
    trigger: / {2}/,
    // Only where Persian is on one side: Latin text and Markdown hard breaks are left as they are.
    pattern: /(\S) {2,}(?=(\S))/g,
    replace: (match, before, after) => (/[\u0600-\u06ff]/.test(before + after) ? `${before} ` : match),
  },
];

/**
 * ASCII digit runs (with , . / : or a range's - between digits) — converted only with Persian, not
 * Latin, around.
 */
const ASCII_NUMBER = /[0-9]+(?:[.,/:-][0-9]+)*/g;

/**
 * Whether a number's separators say plainly what it is, so that writing it with Persian digits and
 * separators keeps its value: commas only between groups of three (12,500; not 12,5, which may be
 * twelve and a half), at most one decimal point (not a version such as 2.1.3). A number that is not
 * plain is left as it was written.
 */
function plainNumber(number: string): boolean {
  return number
    .split(/[/:-]/)
    .every(
      (part) => (!part.includes(',') || /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/.test(part)) && !/\..*\./.test(part),
    );
}

function nearestLetter(text: string, from: number, step: 1 | -1): 'fa' | 'latin' | undefined {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const ch = text[i]!;
    if (FA_LETTER_RE.test(ch)) return 'fa';
    if (LATIN_LETTER_RE.test(ch)) return 'latin';
    if (ch === '\n') return undefined;
  }
  return undefined;
}

function persianDigits(number: string): string {
  return number
    .replace(/(?<=[0-9])\.(?=[0-9])/g, '٫')
    .replace(/(?<=[0-9]),(?=[0-9])/g, '٬')
    .replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/** Inline spans that are not prose: code, tags, URLs, link targets, footnote marks, list markers. */
const PROTECTED_INLINE = [
  /(`+)[\s\S]*?\1/.source,
  /<!--[\s\S]*?-->/.source,
  /<\/?[A-Za-z][^>]*>/.source,
  /<(?:https?|mailto):[^>]*>/.source,
  /\]\([^)]*\)/.source,
  /\]\[[^\]]*\]/.source,
  /\[\^[^\]]*\]/.source,
  /(?:https?:\/\/|www\.)[^\s)>\]»]+/.source,
  /[\w.+-]+@[\w-]+\.[\w.-]+/.source,
  /^\s*(?:\d+[.)]|[-*+])(?=\s)/.source,
];
const PROTECTED_MARKDOWN = new RegExp(PROTECTED_INLINE.join('|'), 'g');
/** In MDX, `{…}` is a JavaScript expression. */
const PROTECTED_MDX = new RegExp([...PROTECTED_INLINE, /\{[^}]*\}/.source].join('|'), 'g');

/** Applies every rule to one piece of prose, recording what changed. */
function fixProse(text: string, record: (rule: TypographyRule, before: string, after: string) => void): string {
  let result = text;
  for (const rule of RULES) {
    if (!rule.trigger.test(result)) continue;
    result = result.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const offsetIndex = args.findIndex((arg) => typeof arg === 'number');
      const groups = args.slice(1, offsetIndex) as string[];
      const replacement = rule.replace(match, ...groups);
      if (replacement !== match) {
        // Show the whole words around the slip, as the reporter will look for them.
        const whole = args[offsetIndex + 1] as string;
        const offset = args[offsetIndex] as number;
        const left = /\S*$/.exec(whole.slice(0, offset))![0];
        const right = /^\S*/.exec(whole.slice(offset + match.length))![0];
        record(rule.id, left + match + right, left + replacement + right);
      }
      return replacement;
    });
  }
  if (!/[0-9]/.test(result)) return result;
  result = result.replace(ASCII_NUMBER, (number, offset: number, whole: string) => {
    const left = nearestLetter(whole, offset - 1, -1);
    const right = nearestLetter(whole, offset + number.length, 1);
    if (left === 'latin' || right === 'latin' || (left !== 'fa' && right !== 'fa')) return number;
    // Next to a Latin letter or unit directly (COVID-19, 5G, mp3), a number belongs to Latin text.
    if (/[A-Za-z_-]$/.test(whole.slice(0, offset)) || /^[A-Za-z_]/.test(whole.slice(offset + number.length)))
      return number;
    if (!plainNumber(number)) return number;
    const converted = persianDigits(number);
    record('persian-digits', number, converted);
    return converted;
  });
  return result;
}

/** Corrects one piece of plain prose (a headline, a lead): no Markdown, nothing protected. */
export function fixPersianProse(text: string): {
  fixed: string;
  findings: Omit<TypographyFinding, 'line' | 'field'>[];
} {
  const findings: Omit<TypographyFinding, 'line' | 'field'>[] = [];
  const fixed = fixProse(text, (rule, before, after) => findings.push({ rule, before, after }));
  return { fixed, findings };
}

/** A line of Markdown with its non-prose spans left untouched. */
function fixMarkdownLine(
  line: string,
  mdx: boolean,
  record: (rule: TypographyRule, before: string, after: string) => void,
): string {
  const protectedSpans = mdx ? PROTECTED_MDX : PROTECTED_MARKDOWN;
  let result = '';
  let last = 0;
  for (const match of line.matchAll(protectedSpans)) {
    result += fixProse(line.slice(last, match.index), record) + match[0];
    last = match.index + match[0].length;
  }
  return result + fixProse(line.slice(last), record);
}

/** Frontmatter and data-file fields that hold prose a reader sees. */
export const PROSE_FIELDS = new Set(['title', 'lead', 'imageAlt', 'name', 'description', 'role', 'bio']);

export interface TypographyResult {
  findings: TypographyFinding[];
  /** The file with every finding corrected; equal to the input when there is nothing to fix. */
  fixed: string;
}

/**
 * Lints a YAML block (a frontmatter or a data file): only the values of prose fields, single-line
 * or block scalars (`lead: >`), never keys or other fields.
 */
function lintYamlLines(lines: string[], firstLine: number, findings: TypographyFinding[]): string[] {
  const out: string[] = [];
  let blockField: string | undefined;
  let blockIndent = 0;
  lines.forEach((line, index) => {
    const lineNumber = firstLine + index;
    const record = (field: string) => (rule: TypographyRule, before: string, after: string) =>
      findings.push({ rule, line: lineNumber, field, before, after });
    if (blockField !== undefined) {
      const indent = /^ */.exec(line)![0].length;
      if (line.trim() === '' || indent > blockIndent) {
        out.push(line.slice(0, indent) + fixProse(line.slice(indent), record(blockField)));
        return;
      }
      blockField = undefined;
    }
    // A CRLF file's lines end in \r, which `.` does not match: it is kept out of the value and put back.
    const field = /^(\s*)([A-Za-z]+):([ \t]+)(.*?)(\r?)$/.exec(line);
    if (field && PROSE_FIELDS.has(field[2]!)) {
      const [, indent, key, gap, value, cr] = field as unknown as [string, string, string, string, string, string];
      if (/^[|>][+-]?\s*$/.test(value)) {
        blockField = key;
        blockIndent = indent.length;
        out.push(line);
        return;
      }
      out.push(`${indent}${key}:${gap}${fixProse(value, record(key))}${cr}`);
      return;
    }
    out.push(line);
  });
  return out;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/** Lints an article (Markdown or MDX): the prose fields of its frontmatter and its body. */
export function lintArticleTypography(source: string, { mdx = false }: { mdx?: boolean } = {}): TypographyResult {
  const findings: TypographyFinding[] = [];
  const lines = source.split('\n');
  const out: string[] = [];
  let index = 0;
  // Frontmatter: from the first line `---` to the next.
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
    if (end > 0) {
      out.push(lines[0]!, ...lintYamlLines(lines.slice(1, end), 2, findings), lines[end]!);
      index = end + 1;
    }
  }
  let fence: string | undefined;
  let previousBlank = true;
  let inList = false;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNumber = index + 1;
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      inList = false;
      previousBlank = false;
      out.push(line);
      continue;
    }
    const blank = line.trim() === '';
    if (LIST_ITEM.test(line)) inList = true;
    else if (previousBlank && !blank && !/^\s/.test(line)) inList = false;
    const indentedCode =
      /^( {4}|\t)/.test(line) && !inList && (previousBlank || /^( {4}|\t)/.test(lines[index - 1] ?? ''));
    const notProse =
      indentedCode ||
      /^\s*\[[^\]]+\]:\s/.test(line) || // link reference definition
      (mdx && /^(import|export)\s/.test(line));
    previousBlank = blank;
    if (notProse) {
      out.push(line);
      continue;
    }
    out.push(
      fixMarkdownLine(line, mdx, (rule, before, after) =>
        findings.push({ rule, line: lineNumber, field: 'body', before, after }),
      ),
    );
  }
  return { findings, fixed: out.join('\n') };
}

/** Lints a category or reporter file (YAML): the prose fields only. JSON files are left alone. */
export function lintDataTypography(source: string): TypographyResult {
  const findings: TypographyFinding[] = [];
  const fixed = lintYamlLines(source.split('\n'), 1, findings).join('\n');
  return { findings, fixed };
}

/** Makes a ZWNJ visible in a message or diff. */
export function showInvisible(text: string): string {
  return text.replaceAll(ZWNJ, '·');
}
