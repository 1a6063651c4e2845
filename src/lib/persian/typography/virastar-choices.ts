/**
 * Where Bayegan's typography rules and Virastar (npm `virastar`, the Persian text cleaner many
 * Persian sites use) deliberately part ways, and why. The differential test
 * (tests/unit/typography-virastar.test.ts) runs both over every prose line of the sample content
 * and of a generated corpus: every place their results differ must be settled by these choices, or
 * it fails. The reporters' guide (docs/typography.md) quotes this table, examples included, and a
 * test checks that it does (scripts/typography-docs.ts writes it).
 *
 * Each choice settles the part of a disagreement it explains: it returns the disagreement with that
 * part taken out (both sides made equal there). Choices that explain one kind of difference inside a
 * larger one (a suggestion, a ZWNJ) run first; a disagreement is explained when, after all of them,
 * the two sides are equal.
 */
import { fixProseUnit } from '#lib/persian/typography.ts';
import {
  ARABIC_BLOCK,
  ASCII_OR_PERSIAN_DIGIT,
  FOREIGN_WORD_LETTER,
  TATWEEL,
  WORD_CHARS,
  ZWNJ,
} from '#lib/persian/script.ts';
import { numbersIn } from './numbers.ts';
import type { Safety, TypographyRule } from './registry.ts';

/** A region of a line where two corrections of it differ (tests/helpers/text-diff.ts finds them). */
export interface TextDisagreement {
  /** The original text of the region (may be empty: an insertion), and what each made of it. */
  original: string;
  ours: string;
  virastar: string;
  /** The original text before and after the region, on the same line. */
  before: string;
  after: string;
}

/** A region of a prose line where Bayegan's correction and Virastar's differ, with what the line holds. */
export interface Disagreement extends TextDisagreement {
  /** Where the region starts in the original line, and the line's protected spans (code, URLs, tags). */
  at: number;
  protectedSpans: readonly (readonly [number, number])[];
  /** What Bayegan's rules found on the line. */
  findings: readonly { rule: TypographyRule; safety: Safety; before: string; after: string }[];
}

export interface DeliberateChoice {
  id: string;
  /** What differs, in a few words (Persian, for the guide). */
  title: string;
  /** Why Bayegan does what it does (Persian). */
  why: string;
  /** A line as written, and what each tool makes of it. Checked by the test. */
  example: { text: string; virastar: string; bayegan: string };
  settle: (d: Disagreement) => Disagreement;
}

const Z = ZWNJ;
const squashSpaces = (text: string) => text.replace(/\s+/g, '');
const settled = (d: Disagreement): Disagreement => ({ ...d, virastar: d.ours });
/** Settles a disagreement where Bayegan left the text as written and `virastarDid` says Virastar rewrote it this way. */
const leftAsWritten = (d: Disagreement, virastarDid: (original: string) => string) =>
  d.ours === d.original && virastarDid(d.original) === d.virastar ? settled(d) : d;
/** Letters that never join the next one: a ZWNJ after them shows nothing. */
const AFTER_NON_JOINER = new RegExp(`(?<=[اآأإدذرزژوؤة])${Z}`, 'g');
const dropInvisibleZwnj = (text: string) => text.replace(AFTER_NON_JOINER, '');
/** Markdown and HTML syntax characters, and an HTML entity. */
const MARKUP = /[*_`<>|#~[\]]|&#?\w+;/;
const LATIN = /[A-Za-z]/;
/** Not a Persian letter or ZWNJ: where a word ends. */
const END = `(?=$|[^${WORD_CHARS}${ZWNJ}])`;

/**
 * Bayegan rules that correct slips Virastar leaves as they are, each for a reason Virastar's own
 * rules do not reach: an affix apart from its word by two spaces or glued on (میشود، حوزهها), a
 * double space next to a mark, Urdu letters and soft hyphens Virastar does not map, a spacing of
 * punctuation its rules skip.
 */
const BAYEGAN_ONLY: ReadonlySet<TypographyRule> = new Set<TypographyRule>([
  'zwnj-prefix',
  'zwnj-suffix',
  'zwnj-verb-suffix',
  'double-space',
  'punctuation-spacing',
  'bracket-spacing',
  'persian-quotes',
  'heh-ezafe',
  'ellipsis',
  'repeated-marks',
  'non-persian-letters',
  'soft-hyphen',
  'dashes',
  'persian-punctuation',
]);

/** Words Virastar always joins to the word before or after, which may be words of their own. */
const AMBIGUOUS_SUFFIX = new RegExp(`(?<=\\S) (ای|شان|مان|تان|ام|اند|ایم|اید)${END}`, 'g');
const AMBIGUOUS_PREFIX = /(?<=^|\s)(ن?می|بی) (?=\S)/g;

export const VIRASTAR_CHOICES: readonly DeliberateChoice[] = [
  {
    id: 'numbers',
    title: 'عدد دست نمی‌خورد',
    why: 'ویراستار گاهی آنچه عدد می‌گوید را عوض می‌کند یا عدد دوپهلو را حدس می‌زند: تاریخ را جابه‌جا می‌کند (۰۳/۰۹/۱۴۰۳ ← ۱۴۰۳/۰۹/۰۳)، ۱۲,۵ را ۱۲٬۵ می‌کند و شمارهٔ نسخه (2.1.3) را اعشاری؛ جداکنندهٔ بازه (ـ) را هم خط تیره می‌کند. بایگان عدد را فقط وقتی بازمی‌نویسد که مقدار و دسته‌بندی‌اش روشن است، جداکننده‌های بازه را همان‌طور که نوشته شده نگه می‌دارد و دربارهٔ عدد دوپهلو پیشنهاد می‌دهد.',
    example: { text: 'نسخهٔ 2.1.3 آمد', virastar: 'نسخهٔ ۲٫۱٫۳ آمد', bayegan: 'نسخهٔ 2.1.3 آمد' },
    settle: (d) => {
      const said = (text: string) => JSON.stringify(numbersIn(text));
      if (said(d.virastar) !== said(d.original) && said(d.ours) === said(d.original)) return settled(d);
      // A range's tatweel made an en dash: the same numbers, a separator the writer chose.
      return leftAsWritten(d, (original) =>
        original.replace(new RegExp(`(?<=${ASCII_OR_PERSIAN_DIGIT})${TATWEEL}(?=${ASCII_OR_PERSIAN_DIGIT})`, 'g'), '–'),
      );
    },
  },
  {
    id: 'suggestions',
    title: 'پیشنهاد، نه اصلاح خودکار',
    why: 'آنچه دو جور خوانده می‌شود (ایرانی اند یا «ای» ندا؟ «تر» پسوند یا به معنای خیس؟ «بی» پیشوند یا بخشی از نام؟ ۱۲,۵ اعشاری یا هزارگان؟) در بایگان پیشنهاد است و ویراستار انسانی دربارهٔ آن تصمیم می‌گیرد؛ ویراستار همه را خودکار می‌چسباند یا بازمی‌نویسد.',
    example: { text: 'آنان ایرانی اند', virastar: `آنان ایرانی${Z}اند`, bayegan: 'آنان ایرانی اند' },
    // Bayegan's text with its suggestions accepted.
    settle: (d) => {
      let ours = d.ours;
      for (const finding of d.findings) {
        if (finding.safety === 'suggestion' && ours.includes(finding.before))
          ours = ours.replace(finding.before, finding.after);
      }
      return { ...d, ours };
    },
  },
  {
    id: 'zwnj-after-non-joiner',
    title: 'نیم‌فاصله پس از حرف‌های جدانویس',
    why: 'ویراستار نیم‌فاصلهٔ پس از «ا د ذ ر ز ژ و» را برمی‌دارد، چون در نمایش اثری ندارد؛ بایگان آن را همان‌طور که نوشته شده نگه می‌دارد و هر پسوندی را که می‌چسباند با نیم‌فاصله می‌چسباند (بازار‌ها، کتاب‌ها)، تا همهٔ واژه‌ها یک‌جور نوشته شوند. جست‌وجو هر دو را یکی می‌خواند.',
    example: { text: 'بازار ها', virastar: 'بازارها', bayegan: `بازار${Z}ها` },
    settle: (d) => ({ ...d, ours: dropInvisibleZwnj(d.ours), virastar: dropInvisibleZwnj(d.virastar) }),
  },
  {
    id: 'bayegan-only',
    title: 'غلط‌هایی که ویراستار نمی‌بیند',
    why: 'بایگان پیشوند و پسوندی را که با دو فاصله جدا یا بی‌نیم‌فاصله چسبیده نوشته شده (می  شود، میشود، حوزهها) درست می‌کند، فاصلهٔ دوتایی کنار نشانه‌ها را یکی می‌کند و حرف‌های اردو و خط تیرهٔ نرم را هم می‌شناسد؛ ویراستار این‌ها را همان‌طور می‌گذارد.',
    example: { text: 'او میشود', virastar: 'او میشود', bayegan: `او می${Z}شود` },
    // Virastar's text with Bayegan's corrections made on top: where that is Bayegan's text, what
    // differed is a slip Virastar left.
    settle: (d) => {
      const rules: TypographyRule[] = [];
      const refixed = fixProseUnit(d.virastar, 'markdown', true, (rule, safety) => {
        if (safety === 'safe') rules.push(rule);
      });
      return rules.length > 0 && rules.every((rule) => BAYEGAN_ONLY.has(rule)) ? { ...d, virastar: refixed } : d;
    },
  },
  {
    id: 'protected',
    title: 'کد، نشانی، پیوند و برچسب',
    why: 'بایگان متن درون کد، نشانی‌های وب و ایمیل، مقصد پیوندها و برچسب‌های HTML و MDX را هرگز تغییر نمی‌دهد؛ ویراستار در آن‌ها هم فاصله و گیومه و رقم عوض می‌کند و نشانی یا کد را خراب می‌کند.',
    example: {
      text: 'نشانی خوراک `/rss.xml` است',
      virastar: 'نشانی خوراک «/rss. xml» است',
      bayegan: 'نشانی خوراک `/rss.xml` است',
    },
    settle: (d) => {
      const end = d.at + d.original.length;
      const touches = d.protectedSpans.some(([start, stop]) => start < Math.max(end, d.at + 1) && stop > d.at);
      return touches && d.ours === d.original ? settled(d) : d;
    },
  },
  {
    id: 'markup',
    title: 'نشانه‌گذاری Markdown و HTML',
    why: 'ویراستار کنار نشانه‌های Markdown (ستاره، خط فهرست) و برچسب‌های HTML و MDX فاصله می‌گذارد یا برمی‌دارد (**به‌روزرسانی:** ← **به‌روزرسانی: **، فاصله پیش از </PullQuote>) و نویسه‌های HTML مانند &zwnj; را بازمی‌گشاید؛ این کارها نشانه‌گذاری را بی‌اثر می‌کند یا فاصلهٔ زائد نشان می‌دهد، پس بایگان آن‌ها را همان‌طور که هست می‌گذارد.',
    example: {
      text: '**به‌روزرسانی:** بر اساس قرعه‌کشی',
      virastar: '**به‌روزرسانی: ** بر اساس قرعه‌کشی',
      bayegan: '**به‌روزرسانی:** بر اساس قرعه‌کشی',
    },
    settle: (d) => {
      const near = d.before.slice(-1) + d.original + d.ours + d.after.slice(0, 1);
      const listMarker =
        /^\s*(?:[-*+>]|\d+[.)])?\s*$/.test(d.before) && /^\s*(?:[-*+>]|\d+[.)])\s/.test(d.before + d.original);
      const entity = /&#?\w+;/.test(d.original) && d.ours === d.original;
      const spacing = squashSpaces(d.ours) === squashSpaces(d.virastar) && (MARKUP.test(near) || listMarker);
      return entity || spacing ? settled(d) : d;
    },
  },
  {
    id: 'latin',
    title: 'متن لاتین',
    why: 'بایگان به متن لاتین و عدد و نشانه‌ای که به واژهٔ لاتین چسبیده دست نمی‌زند (5G، Ubuntu 22.04، "Hello")؛ ویراستار رقم و ممیز و گیومهٔ آن‌ها را فارسی می‌کند.',
    example: { text: 'شبکهٔ 5G در تهران', virastar: 'شبکهٔ ۵G در تهران', bayegan: 'شبکهٔ 5G در تهران' },
    settle: (d) => {
      const letters = (text: string) => text.replace(new RegExp(`[^A-Za-z${ARABIC_BLOCK}]`, 'g'), '');
      const around = letters(d.before).slice(-1) + letters(d.after).slice(0, 1);
      return d.ours === d.original && (LATIN.test(d.original) || LATIN.test(around)) ? settled(d) : d;
    },
  },
  {
    id: 'ambiguous-affixes',
    title: 'واژه‌هایی که شاید وند نیستند',
    why: 'ویراستار هر «ای»، «شان»، «مان»، «تان»، «ام»، «اند»، «می» و «بی» جدا را به واژهٔ کنارش می‌چسباند؛ اما «ای» در «گفت ای مردم» ندا است، «می» در «ماه می» نام ماه، «بی» در «بی بی سی» بخشی از نام، و ضمیر پس از حرف بی‌صدا بی‌نیم‌فاصله می‌چسبد (کتابشان). بایگان جایی که یقین دارد می‌چسباند، جایی که شک هست پیشنهاد می‌دهد و این‌ها را به ویراستار انسانی می‌سپارد.',
    example: { text: 'او گفت ای مردم', virastar: `او گفت${Z}ای مردم`, bayegan: 'او گفت ای مردم' },
    settle: (d) =>
      leftAsWritten(d, (original) =>
        dropInvisibleZwnj(original.replace(AMBIGUOUS_SUFFIX, `${Z}$1`).replace(AMBIGUOUS_PREFIX, `$1${Z}`)),
      ),
  },
  {
    id: 'heh-ye',
    title: '«ه‌ی» به جای «هٔ»',
    why: 'ویراستار «خانه‌ی» را «خانهٔ» می‌کند؛ هر دو شکل نوشتن کسرهٔ اضافه پس از «ه» ناملفوظ پذیرفته است (فرهنگستان زبان و ادب فارسی)، پس بایگان انتخاب نویسنده را نگه می‌دارد و تنها «خانه ی» با فاصله، «خانهء» و «خانۀ» را «خانهٔ» می‌کند.',
    example: { text: `از خانه${Z}ی ما`, virastar: 'از خانهٔ ما', bayegan: `از خانه${Z}ی ما` },
    settle: (d) => leftAsWritten(d, (original) => original.replace(new RegExp(`ه${Z}ی${END}`, 'g'), 'هٔ')),
  },
  {
    id: 'pronounced-heh',
    title: '«ه» ملفوظ',
    why: 'ویراستار «راه ی» را «راهٔ» می‌کند؛ اما «ه» در «راه»، «کوه» و «آگاه» خوانده می‌شود و کسرهٔ اضافه‌اش همزه نمی‌گیرد (راهِ دور). بایگان همزه را فقط پس از «ه» ناملفوظ می‌گذارد و این را به نویسنده می‌سپارد.',
    example: { text: 'از راه ی دور', virastar: 'از راهٔ دور', bayegan: 'از راه ی دور' },
    settle: (d) => leftAsWritten(d, (original) => original.replace(new RegExp(`(?<=[اوآ]ه) +ی${END}`, 'g'), '\u0654')),
  },
  {
    id: 'no-space-after-full-stop',
    title: 'فاصله پس از نقطه',
    why: 'ویراستار پس از هر نقطه فاصله می‌گذارد و کوته‌نوشت‌ها را از هم می‌پاشد (ج.ا.ا ← ج. ا. ا)؛ بایگان پس از نقطه فاصله نمی‌افزاید.',
    example: { text: 'خبر ج.ا.ا را', virastar: 'خبر ج. ا. ا را', bayegan: 'خبر ج.ا.ا را' },
    settle: (d) =>
      d.ours === d.original && d.virastar.replace(/\. /g, '.') === d.original.replace(/\. /g, '.') ? settled(d) : d,
  },
  {
    id: 'marks-order',
    title: 'ترتیب «!؟»',
    why: 'ویراستار «!؟» را «؟!» می‌کند؛ هر دو ترتیب در نوشتهٔ فارسی به کار می‌رود و بایگان ترتیب نویسنده را نگه می‌دارد.',
    example: { text: 'چرا!؟ نه', virastar: 'چرا؟! نه', bayegan: 'چرا!؟ نه' },
    settle: (d) => leftAsWritten(d, (original) => original.replace(/!([ ]*)([؟?])/g, '؟!')),
  },
  {
    id: 'honorifics',
    title: 'فاصله پیش از (ص) و (ع)',
    why: 'ویراستار فاصلهٔ پیش از «(ص)»، «(ع)» و مانند آن‌ها را برمی‌دارد؛ بایگان آن را همان‌طور که نویسنده گذاشته نگه می‌دارد و پیش از آن‌ها فاصله هم نمی‌افزاید.',
    example: { text: 'پیامبر (ص) فرمود', virastar: 'پیامبر(ص) فرمود', bayegan: 'پیامبر (ص) فرمود' },
    settle: (d) => leftAsWritten(d, (original) => original.replace(/ \((ص|عج|س|ع|ره)\)/g, '($1)')),
  },
  {
    id: 'other-scripts',
    title: 'واژه‌های کردی، اردو و پشتو',
    why: 'واژه‌ای که حرفی دارد که فارسی ندارد (ێ ۆ ڵ ڕ ە ھ ٹ ں …) نام یا نقل‌قولی به زبان دیگر است (هەولێر)؛ ویراستار حرف‌های آن را فارسی می‌کند و واژه را خراب می‌کند، بایگان آن را همان‌طور که هست می‌گذارد.',
    example: { text: 'شهر هەولێر', virastar: 'شهر ههولێر', bayegan: 'شهر هەولێر' },
    settle: (d) => (d.ours === d.original && new RegExp(FOREIGN_WORD_LETTER, 'u').test(d.original) ? settled(d) : d),
  },
  {
    id: 'single-quotes',
    title: 'نشانهٔ نقل‌قول تکی',
    why: "ویراستار '…' را هم گیومه می‌کند؛ نشانهٔ ' در متن فارسی بیشتر نقل‌قول درون نقل‌قول یا آپاستروف است و در YAML نشانهٔ نقل‌قول خود فایل، پس بایگان فقط \"…\" و “…” را «…» می‌کند.",
    example: { text: "او گفت 'نه' و رفت", virastar: 'او گفت «نه» و رفت', bayegan: "او گفت 'نه' و رفت" },
    settle: (d) => leftAsWritten(d, (original) => original.replace(/'([^']+)'/g, '«$1»')),
  },
  {
    id: 'direction-marks',
    title: 'نشانه‌های جهت متن',
    why: 'ویراستار نشانهٔ راست‌به‌چپ (RLM) را نیم‌فاصله می‌کند؛ این نشانه برای جهت درست متن آمیخته گذاشته می‌شود و بایگان آن را نگه می‌دارد.',
    example: { text: 'کتاب\u200fها', virastar: `کتاب${Z}ها`, bayegan: 'کتاب\u200fها' },
    settle: (d) => leftAsWritten(d, (original) => original.replace(/(?<=[^a-zA-Z\-_])\u200f/g, Z)),
  },
];

/** A disagreement with every choice applied: explained when `rest.ours === rest.virastar`. */
export function settleDisagreement(d: Disagreement): { explained: boolean; used: string[]; rest: Disagreement } {
  const used: string[] = [];
  let rest = d;
  for (const choice of VIRASTAR_CHOICES) {
    if (rest.ours === rest.virastar) break;
    const next = choice.settle(rest);
    if (next.ours !== rest.ours || next.virastar !== rest.virastar) used.push(choice.id);
    rest = next;
  }
  return { explained: rest.ours === rest.virastar, used, rest };
}
