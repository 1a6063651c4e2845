// @ts-check
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
 * Plain ESM, Node built-ins and jalaali-js only (a dependency of the site already).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { jalaaliMonthLength, toGregorian } from 'jalaali-js';
import { fromTehranJalali, JALALI_MONTH_NAMES } from '../src/lib/dates/jalali.ts';
import { toTehranIsoString } from '../src/lib/dates/tehran.ts';

/**
 * @typedef {object} CorpusFile
 * @property {string} path Relative to the content folder, with `/` separators.
 * @property {string | Buffer} content UTF-8 text, or the bytes of an image.
 */

/**
 * @typedef {object} CorpusOptions
 * @property {number} count How many articles (ids 1..count).
 * @property {number} [seed] A whole number from 0 to 2^32 − 1; default 1.
 */

export const DEFAULT_SEED = 1;
export const FIRST_JALALI_YEAR = 1385;
/** Articles are dated before this Jalali day (exclusive). */
export const END_JALALI_DATE = { year: 1405, month: 9, day: 1 };
export const MIN_BODY_WORDS = 300;
export const MAX_BODY_WORDS = 1200;
/** Articles are published between 07:00 and 22:59 Tehran time, clear of the DST clock changes. */
const FIRST_HOUR = 7;
const MINUTES_PER_DAY = 16 * 60;

const ZWNJ = '\u200c';

// ---------------------------------------------------------------------------------------------
// Random numbers

/**
 * mulberry32: a tiny, fast 32-bit PRNG; plenty for synthetic text.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a seed and a stream number into a new 32-bit seed (murmur3's finaliser).
 * @param {number} seed
 * @param {number} stream
 */
function mixSeed(seed, stream) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream >>> 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

class Random {
  /** @param {number} seed */
  constructor(seed) {
    this.next = mulberry32(seed);
  }

  /**
   * A whole number in [min, max].
   * @param {number} min
   * @param {number} max
   */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** @param {number} probability */
  chance(probability) {
    return this.next() < probability;
  }

  /**
   * @template T
   * @param {readonly T[]} list
   * @returns {T}
   */
  pick(list) {
    return /** @type {T} */ (list[Math.floor(this.next() * list.length)]);
  }

  /**
   * `k` distinct elements of `list`, in random order.
   * @template T
   * @param {readonly T[]} list
   * @param {number} k
   * @returns {T[]}
   */
  sample(list, k) {
    const copy = [...list];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = /** @type {T} */ (copy[i]);
      copy[i] = /** @type {T} */ (copy[j]);
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Persian text helpers

/**
 * ASCII digits → Persian digits (۰–۹).
 * @param {number | string} value
 */
export function persianDigits(value) {
  return String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + d.charCodeAt(0) - 48));
}

/**
 * A count in Persian digits with the Persian thousands separator: ۱۲٬۵۰۰.
 * @param {number} n
 */
function persianCount(n) {
  return persianDigits(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u066c'));
}

/** @param {number} n */
const pad2 = (n) => String(n).padStart(2, '0');

/**
 * A YAML single-quoted scalar: `'…'`, with a single quote written twice.
 * @param {string} text
 */
export function yamlString(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A letter or digit of the scripts the corpus writes (ASCII, Arabic-script letters, Persian and
 * Arabic-Indic digits); punctuation such as «، ؛ ٬» is not.
 * @param {number} c a UTF-16 code unit
 */
function isWordCharacter(c) {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x0660 && c <= 0x0669) ||
    (c >= 0x066e && c <= 0x06d3) ||
    (c >= 0x06f0 && c <= 0x06ff)
  );
}

/**
 * Words in a Markdown/MDX body: whitespace-separated tokens with a letter or digit in them; tags
 * (`<FactBox …>`), link targets and markup symbols (`##`, `-`, `>`) do not count. A hand-written
 * scanner: it runs on every block of every article.
 * @param {string} markdown
 */
export function countWords(markdown) {
  let count = 0;
  let hasLetter = false;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    let skipTo = -1;
    if (c === 0x3c /* < */) skipTo = markdown.indexOf('>', i);
    else if (c === 0x5d /* ] */ && markdown.charCodeAt(i + 1) === 0x28 /* ( */) skipTo = markdown.indexOf(')', i);
    if (skipTo !== -1 || c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      if (hasLetter) count++;
      hasLetter = false;
      if (skipTo !== -1) i = skipTo;
    } else if (!hasLetter && isWordCharacter(c)) {
      hasLetter = true;
    }
  }
  return hasLetter ? count + 1 : count;
}

/**
 * Fills `{name}` slots from `values`; a function value is called for a fresh choice each time.
 * @param {string} template
 * @param {Record<string, string | (() => string)>} values
 */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`corpus template slot {${name}} has no value: ${template}`);
    return typeof value === 'function' ? value() : value;
  });
}

// ---------------------------------------------------------------------------------------------
// Jalali dates and Tehran time

/**
 * Tehran's UTC offset on a Jalali day, at any time between 07:00 and 22:59. Iran kept daylight
 * saving time (+04:30) from 1 Farvardin 24:00 to 30 Shahrivar 24:00 until 1401 (2022), except in
 * 1385–1386 (2006–2007), when it was suspended; IANA's Asia/Tehran agrees. Otherwise +03:30.
 * @param {number} year
 * @param {number} month
 * @param {number} day
 */
export function tehranOffset(year, month, day) {
  const dstYear = year <= 1401 && year !== 1385 && year !== 1386;
  // Shahrivar has 31 days: its 31st is already back on standard time.
  const inSummer = (month === 1 && day >= 2) || (month >= 2 && month <= 5) || (month === 6 && day <= 30);
  return dstYear && inSummer ? '+04:30' : '+03:30';
}

/**
 * @typedef {object} JalaliDay
 * @property {number} year
 * @property {number} month
 * @property {number} day
 */

/** @type {JalaliDay[] | undefined} */
let calendarCache;

/** Every Jalali day from 1385/01/01 to the day before END_JALALI_DATE. */
function archiveDays() {
  if (calendarCache) return calendarCache;
  /** @type {JalaliDay[]} */
  const days = [];
  for (let year = FIRST_JALALI_YEAR; year <= END_JALALI_DATE.year; year++) {
    for (let month = 1; month <= 12; month++) {
      const length = jalaaliMonthLength(year, month);
      for (let day = 1; day <= length; day++) {
        const key = year * 10000 + month * 100 + day;
        if (key >= END_JALALI_DATE.year * 10000 + END_JALALI_DATE.month * 100 + END_JALALI_DATE.day) {
          calendarCache = days;
          return days;
        }
        days.push({ year, month, day });
      }
    }
  }
  calendarCache = days;
  return days;
}

/**
 * @typedef {object} ArticleTime
 * @property {number} year Jalali
 * @property {number} month
 * @property {number} day
 * @property {number} hour
 * @property {number} minute
 */

/**
 * A point on the publishing timeline (minutes of 07:00–22:59 days since 1385/01/01) as a date.
 * @param {number} index
 * @returns {ArticleTime}
 */
function timeAt(index) {
  const days = archiveDays();
  const day = /** @type {JalaliDay} */ (days[Math.floor(index / MINUTES_PER_DAY)]);
  const minuteOfDay = index % MINUTES_PER_DAY;
  return { ...day, hour: FIRST_HOUR + Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

/** @typedef {'jalali' | 'jalali-persian' | 'jalali-dash' | 'iso'} DateStyle */

/**
 * A frontmatter date value, written the way reporters write it.
 * @param {ArticleTime} t
 * @param {DateStyle} style
 */
export function formatDate(t, style) {
  const time = `${pad2(t.hour)}:${pad2(t.minute)}`;
  switch (style) {
    case 'jalali':
      return `${t.year}/${pad2(t.month)}/${pad2(t.day)} ${time}`;
    case 'jalali-dash':
      return `${t.year}-${pad2(t.month)}-${pad2(t.day)} ${time}`;
    case 'jalali-persian':
      return yamlString(persianDigits(`${t.year}/${pad2(t.month)}/${pad2(t.day)} ${time}`));
    case 'iso': {
      const { gy, gm, gd } = toGregorian(t.year, t.month, t.day);
      return `${gy}-${pad2(gm)}-${pad2(gd)}T${time}:00${tehranOffset(t.year, t.month, t.day)}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Word pools

/**
 * @typedef {object} Subject
 * @property {string} fa What the story is about, in Persian.
 * @property {string} en The same in Latin letters, for file names and slugs.
 * @property {string} tag Its most obvious tag (also in the tag pool).
 */

/**
 * @typedef {object} Category
 * @property {string} slug
 * @property {string} name
 * @property {string} description
 * @property {string} desk «خبرنگار X بایگان»
 * @property {string} group «گروه X», for reporters' roles
 * @property {number} weight Relative share of articles.
 * @property {Subject[]} subjects
 * @property {string[]} officials People quoted, by title.
 * @property {string[]} orgs Organisations.
 * @property {string[]} sentences Body sentences only this section uses.
 * @property {string[]} headings
 * @property {string[]} tags Tags of this section (subjects' tags are added).
 */

/**
 * @param {string} fa
 * @param {string} en
 * @param {string} tag
 * @returns {Subject}
 */
const subject = (fa, en, tag) => ({ fa, en, tag });

/** @type {Category[]} */
export const CATEGORIES = [
  {
    slug: 'politics',
    name: 'سیاسی',
    description: 'اخبار مجلس، دولت، شوراهای شهر و روستا و تصمیم‌هایی که بر زندگی روزمرهٔ مردم اثر می‌گذارد.',
    desk: 'خبرنگار سیاسی بایگان',
    group: 'سیاسی',
    weight: 15,
    subjects: [
      subject('طرح شفافیت آرای نمایندگان', 'vote-transparency-bill', 'شفافیت'),
      subject('بودجهٔ شورای شهر', 'city-council-budget', 'شورای شهر'),
      subject('انتخابات شوراهای شهر و روستا', 'council-elections', 'انتخابات'),
      subject('لایحهٔ مدیریت بحران', 'crisis-management-bill', 'مدیریت بحران'),
      subject('طرح تقسیمات کشوری', 'administrative-divisions', 'تقسیمات کشوری'),
      subject('برنامهٔ توسعهٔ استان', 'provincial-development-plan', 'برنامهٔ توسعه'),
      subject('لایحهٔ کتابخانه‌های عمومی', 'public-libraries-bill', 'لایحه'),
      subject('طرح حمایت از مشاغل خانگی', 'home-business-bill', 'مشاغل خانگی'),
      subject('دولت الکترونیک', 'e-government', 'دولت الکترونیک'),
      subject('نشست فرمانداران', 'governors-meeting', 'فرمانداری'),
      subject('انتخاب شهردار تازه', 'new-mayor', 'شهرداری'),
      subject('طرح ساماندهی دستفروشان', 'street-vendors-plan', 'دستفروشان'),
    ],
    officials: [
      'رئیس شورای شهر',
      'نایب‌رئیس کمیسیون اجتماعی مجلس',
      'معاون سیاسی استانداری',
      'فرماندار',
      'سخنگوی هیئت رئیسهٔ مجلس',
      'عضو کمیسیون برنامه و بودجه',
    ],
    orgs: ['شورای شهر', 'استانداری', 'کمیسیون برنامه و بودجهٔ مجلس', 'فرمانداری', 'مرکز پژوهش‌های مجلس'],
    sentences: [
      'این طرح پیش از این دو بار در صحن علنی مطرح شده بود، اما به دلیل اختلاف نظر نمایندگان به کمیسیون بازگشت.',
      'اعضای شورا پس از سه ساعت بحث، کلیات این پیشنهاد را با {n} رأی موافق تصویب کردند.',
      'منتقدان می‌گویند متن فعلی لایحه سازوکار روشنی برای نظارت بر اجرای آن پیش‌بینی نکرده است.',
      'نمایندگان {p} در نامه‌ای به رئیس مجلس خواستار بررسی فوری این موضوع شدند.',
      'جلسهٔ بعدی شورا برای بررسی جزئیات این طرح هفتهٔ آینده برگزار می‌شود.',
      'صورت‌جلسهٔ کامل این نشست قرار است در سامانهٔ شفافیت شورا منتشر شود.',
      'به گفتهٔ ناظران، سرنوشت این لایحه به رأی چند نمایندهٔ مستقل بستگی دارد.',
    ],
    headings: ['رأی‌گیری در صحن', 'واکنش نمایندگان', 'نگاه شورای شهر', 'نظارت بر اجرا'],
    tags: [
      'مجلس',
      'دولت',
      'استانداری',
      'نمایندگان مجلس',
      'رأی‌گیری',
      'قانون‌گذاری',
      'کمیسیون‌های مجلس',
      'شوراها',
      'مدیریت شهری',
      'سیاست داخلی',
      'بودجهٔ عمومی',
      'اصلاحات اداری',
      'مشارکت مردمی',
      'نظارت',
      'شهرداری‌ها',
      'طرح‌های عمرانی',
      'سیاست‌گذاری',
      'وزارت کشور',
      'دیوان محاسبات',
      'حکمرانی محلی',
      'لوایح دولت',
      'انتخابات میان‌دوره‌ای',
      'احزاب',
      'فرمانداران',
      'مطالبات مردمی',
    ],
  },
  {
    slug: 'economy',
    name: 'اقتصادی',
    description: 'گزارش‌هایی از بازار، صادرات، کشاورزی، صنعت و حمل‌ونقل با تکیه بر آمار و گفت‌وگو با فعالان اقتصادی.',
    desk: 'خبرنگار اقتصادی بایگان',
    group: 'اقتصادی',
    weight: 18,
    subjects: [
      subject('صادرات پسته', 'pistachio-exports', 'پسته'),
      subject('بازار مسکن', 'housing-market', 'مسکن'),
      subject('تولید خودروسازی‌ها', 'car-production', 'خودروسازی‌ها'),
      subject('صادرات زعفران', 'saffron-exports', 'زعفران'),
      subject('بازار طلا و سکه', 'gold-market', 'بازار طلا'),
      subject('تولید فولاد', 'steel-output', 'فولاد'),
      subject('گردشگری نوروزی', 'nowruz-tourism', 'گردشگری'),
      subject('قیمت مرغ و تخم‌مرغ', 'poultry-prices', 'قیمت‌ها'),
      subject('ترانزیت کالا', 'goods-transit', 'ترانزیت'),
      subject('صنایع دستی', 'handicrafts', 'صنایع دستی'),
      subject('برداشت گندم', 'wheat-harvest', 'گندم'),
      subject('بورس کالا', 'commodity-exchange', 'بورس'),
    ],
    officials: [
      'رئیس اتاق بازرگانی استان',
      'مدیرکل گمرک استان',
      'معاون وزیر صنعت، معدن و تجارت',
      'دبیر انجمن صادرکنندگان',
      'رئیس سازمان جهاد کشاورزی استان',
      'کارشناس اقتصاد کلان',
    ],
    orgs: ['اتاق بازرگانی', 'گمرک ایران', 'بانک مرکزی', 'وزارت صنعت، معدن و تجارت', 'سازمان جهاد کشاورزی'],
    sentences: [
      'بر پایهٔ آمار گمرک، ارزش صادرات این بخش در {period} گذشته به {n} میلیون دلار رسیده است.',
      'فعالان بازار می‌گویند نوسان نرخ ارز مهم‌ترین مانع برنامه‌ریزی برای ماه‌های آینده است.',
      'قیمت‌ها در بازار عمده‌فروشی {p} در هفتهٔ گذشته حدود {pct} درصد بالا رفت.',
      'صادرکنندگان خواستار کوتاه‌تر شدن زمان ترخیص کالا در گمرک‌های مرزی شده‌اند.',
      'به گفتهٔ کارشناسان، بخش بزرگی از این رشد نتیجهٔ برداشت خوب پاییز گذشته بوده است.',
      'واحدهای تولیدی کوچک از دشواری دریافت تسهیلات بانکی گلایه دارند.',
      'سهم بازارهای تازه در آسیای میانه و شمال آفریقا امسال محسوس‌تر شده است.',
    ],
    headings: ['بازار در یک نگاه', 'آمار صادرات', 'نگرانی تولیدکنندگان', 'پیش‌بینی قیمت‌ها'],
    tags: [
      'اقتصاد',
      'صادرات',
      'واردات',
      'تورم',
      'نرخ ارز',
      'بانک مرکزی',
      'گمرک',
      'کشاورزی',
      'صنعت',
      'معدن',
      'کارآفرینی',
      'اشتغال',
      'بازار سرمایه',
      'خرده‌فروشی',
      'زنجیرهٔ تأمین',
      'حمل‌ونقل بار',
      'مالیات',
      'یارانه‌ها',
      'تولید ملی',
      'قیمت‌گذاری',
      'اتاق بازرگانی',
      'شرکت‌های دانش‌بنیان',
      'بازارچه‌های مرزی',
      'کم‌آبی و کشاورزی',
      'خشکبار',
    ],
  },
  {
    slug: 'society',
    name: 'اجتماعی',
    description: 'رویدادهای شهری، آب‌وهوا، آموزش، سلامت و مسائلی که شهروندان هر روز با آن روبه‌رو هستند.',
    desk: 'خبرنگار اجتماعی بایگان',
    group: 'اجتماعی',
    weight: 18,
    subjects: [
      subject('آلودگی هوا', 'air-pollution', 'آلودگی هوا'),
      subject('طرح بازیافت پسماند', 'recycling-plan', 'بازیافت'),
      subject('بارش برف سنگین', 'heavy-snowfall', 'برف'),
      subject('کم‌آبی تابستانی', 'summer-water-shortage', 'کم‌آبی'),
      subject('نوسازی مدارس', 'school-renovation', 'مدارس'),
      subject('واکسیناسیون آنفلوانزا', 'flu-vaccination', 'واکسیناسیون'),
      subject('ترافیک شهری', 'city-traffic', 'ترافیک'),
      subject('خط تازهٔ مترو', 'new-metro-line', 'مترو'),
      subject('مهاجرت روستاییان', 'rural-migration', 'مهاجرت'),
      subject('اهدای خون', 'blood-donation', 'اهدای خون'),
      subject('بیمارستان تازه‌ساز', 'new-hospital', 'بیمارستان'),
      subject('فضای سبز شهری', 'urban-green-space', 'فضای سبز'),
    ],
    officials: [
      'مدیرکل محیط زیست استان',
      'معاون خدمات شهری شهرداری',
      'رئیس دانشگاه علوم پزشکی',
      'مدیرکل آموزش و پرورش',
      'مدیرعامل شرکت آب و فاضلاب',
      'رئیس پلیس راهور',
    ],
    orgs: ['شهرداری', 'سازمان محیط زیست', 'دانشگاه علوم پزشکی', 'آموزش و پرورش', 'هلال احمر'],
    sentences: [
      'شاخص کیفیت هوا در چند ایستگاه سنجش {p} از صبح امروز در وضعیت ناسالم قرار گرفت.',
      'امدادگران هلال احمر در {n} نقطه از استان به خودروهای گرفتار در برف کمک کردند.',
      'شهروندان می‌توانند درخواست‌های خود را از راه سامانهٔ ۱۳۷ شهرداری ثبت کنند.',
      'مدیران مدارس می‌گویند کمبود سرایدار و نیروی خدماتی همچنان حل نشده است.',
      'به گفتهٔ مسئولان، مصرف آب در روزهای گرم اخیر {pct} درصد بیشتر از میانگین بوده است.',
      'ساکنان محله‌های جنوبی شهر از کمبود ایستگاه‌های اتوبوس گلایه دارند.',
      'داوطلبان جوان نقش مهمی در اجرای این طرح در محله‌ها داشته‌اند.',
    ],
    headings: ['وضعیت محله‌ها', 'روایت شهروندان', 'توصیه‌های ایمنی', 'نقش داوطلبان'],
    tags: [
      'محیط زیست',
      'سلامت',
      'آموزش',
      'حمل‌ونقل عمومی',
      'آب‌وهوا',
      'شهروندان',
      'خانواده',
      'کودکان',
      'سالمندان',
      'بهداشت',
      'پسماند',
      'انرژی',
      'مسکن اجتماعی',
      'امداد و نجات',
      'حوادث طبیعی',
      'سیل',
      'زلزله',
      'گرمای هوا',
      'دانش‌آموزان',
      'معلمان',
      'پرستاران',
      'داوطلبان',
      'محله‌ها',
      'دوچرخه‌سواری شهری',
      'بیمه',
    ],
  },
  {
    slug: 'culture',
    name: 'فرهنگ و هنر',
    description: 'اخبار کتاب، تئاتر، سینما، موسیقی، موزه‌ها و جشنواره‌های فرهنگی در سراسر کشور.',
    desk: 'خبرنگار فرهنگی بایگان',
    group: 'فرهنگ و هنر',
    weight: 12,
    subjects: [
      subject('نمایشگاه کتاب', 'book-fair', 'کتاب'),
      subject('جشنوارهٔ تئاتر', 'theatre-festival', 'تئاتر'),
      subject('جشنوارهٔ فیلم کوتاه', 'short-film-festival', 'سینما'),
      subject('کنسرت موسیقی سنتی', 'traditional-music-concert', 'موسیقی'),
      subject('موزهٔ مردم‌شناسی', 'ethnography-museum', 'موزه‌ها'),
      subject('مرمت بناهای تاریخی', 'heritage-restoration', 'میراث فرهنگی'),
      subject('کتابخانهٔ مرکزی شهر', 'central-library', 'کتابخانه'),
      subject('جایزهٔ ادبی سال', 'literary-prize', 'ادبیات'),
      subject('نمایشگاه نقاشی', 'painting-exhibition', 'نقاشی'),
      subject('هفتهٔ خوشنویسی', 'calligraphy-week', 'خوشنویسی'),
      subject('سینمای کودک', 'childrens-cinema', 'سینمای کودک'),
      subject('ثبت جهانی آثار تاریخی', 'world-heritage-listing', 'ثبت جهانی'),
    ],
    officials: [
      'دبیر جشنواره',
      'مدیرکل فرهنگ و ارشاد اسلامی استان',
      'رئیس انجمن نمایش',
      'مدیر موزه',
      'مدیرکل میراث فرهنگی استان',
      'منتقد ادبی',
    ],
    orgs: [
      'ادارهٔ کل فرهنگ و ارشاد اسلامی',
      'انجمن نمایش',
      'ادارهٔ میراث فرهنگی',
      'نهاد کتابخانه‌های عمومی',
      'خانهٔ هنرمندان',
    ],
    sentences: [
      'امسال {n} اثر از {p} و شهرهای دیگر به بخش مسابقه راه یافته‌اند.',
      'بلیت اجراها از هفتهٔ گذشته در سامانهٔ فروش اینترنتی عرضه شده است.',
      'هنرمندان جوان سهم پررنگی در برنامهٔ امسال دارند.',
      'بازدید از نمایشگاه برای دانش‌آموزان و دانشجویان رایگان است.',
      'یکی از نویسندگان حاضر در مراسم گفت که خوانندگان جوان بیش از گذشته به رمان ایرانی علاقه نشان می‌دهند.',
      'مرمتگران در مرحلهٔ نخست، کاشی‌کاری‌های سردر و دیوارهای شمالی بنا را بازسازی کرده‌اند.',
      'آیین پایانی با اجرای گروه موسیقی محلی {p} همراه بود.',
    ],
    headings: ['آثار برگزیده', 'برنامه‌های جانبی', 'روایت هنرمندان', 'میراثی که باید حفظ شود'],
    tags: [
      'فرهنگ',
      'هنر',
      'ادبیات کودک',
      'شعر',
      'رمان',
      'تئاتر خیابانی',
      'فیلم مستند',
      'موسیقی محلی',
      'صنایع دستی ایرانی',
      'عکاسی',
      'معماری',
      'بناهای تاریخی',
      'جشنواره‌ها',
      'ناشران',
      'کتاب‌خوانی',
      'ترجمه',
      'مجسمه‌سازی',
      'گالری‌ها',
      'کنسرت',
      'نمایش عروسکی',
      'هنرهای تجسمی',
      'تاریخ',
      'باستان‌شناسی',
      'نوروز',
      'شب یلدا',
    ],
  },
  {
    slug: 'sport',
    name: 'ورزشی',
    description: 'نتایج، گزارش‌ها و حاشیه‌های رقابت‌های فوتبال، کشتی، والیبال و دیگر رشته‌های ورزشی.',
    desk: 'خبرنگار ورزشی بایگان',
    group: 'ورزشی',
    weight: 14,
    subjects: [
      subject('لیگ برتر فوتبال', 'football-league', 'لیگ برتر'),
      subject('تیم ملی والیبال', 'national-volleyball-team', 'والیبال'),
      subject('مسابقات کشتی آزاد', 'freestyle-wrestling', 'کشتی'),
      subject('جام حذفی', 'hazfi-cup', 'جام حذفی'),
      subject('تیم ملی فوتسال', 'national-futsal-team', 'فوتسال'),
      subject('مسابقات وزنه‌برداری', 'weightlifting', 'وزنه‌برداری'),
      subject('تیم ملی تکواندو', 'national-taekwondo-team', 'تکواندو'),
      subject('رقابت‌های دوومیدانی', 'athletics', 'دوومیدانی'),
      subject('ورزش همگانی', 'public-sport', 'ورزش همگانی'),
      subject('اردوی تیم المپیک', 'olympic-camp', 'المپیک'),
      subject('لیگ بسکتبال', 'basketball-league', 'بسکتبال'),
      subject('فوتبال پایه', 'youth-football', 'فوتبال پایه'),
    ],
    officials: [
      'سرمربی تیم',
      'رئیس هیئت فوتبال استان',
      'مدیرعامل باشگاه',
      'دبیر فدراسیون',
      'کاپیتان تیم',
      'مربی تیم ملی جوانان',
    ],
    orgs: ['فدراسیون فوتبال', 'ادارهٔ کل ورزش و جوانان', 'کمیتهٔ ملی المپیک', 'سازمان لیگ', 'هیئت کشتی استان'],
    sentences: [
      'تیم میزبان در نیمهٔ دوم با دو گل پیاپی به برتری رسید.',
      'ورزشگاه شهر {p} میزبان بیش از {n} هزار تماشاگر بود.',
      'کادر فنی تیم پس از این دیدار از عملکرد خط دفاعی ابراز رضایت کرد.',
      'این تیم با این نتیجه به ردهٔ سوم جدول رده‌بندی رسید.',
      'اردوی آماده‌سازی ملی‌پوشان از هفتهٔ آینده در {p} برگزار می‌شود.',
      'داوری این دیدار با انتقاد هواداران هر دو تیم همراه بود.',
      'بازیکنان جوان این فصل فرصت بیشتری برای حضور در ترکیب اصلی پیدا کرده‌اند.',
    ],
    headings: ['خلاصهٔ بازی', 'نگاه کادر فنی', 'جدول رده‌بندی', 'برنامهٔ دیدارهای آینده'],
    tags: [
      'ورزش',
      'فوتبال',
      'تیم ملی',
      'باشگاه‌ها',
      'هواداران',
      'ورزشگاه',
      'داوری',
      'مربیان',
      'بازیکنان جوان',
      'ورزش بانوان',
      'شنا',
      'کوهنوردی',
      'دوچرخه‌سواری',
      'بازی‌های آسیایی',
      'جام جهانی',
      'نقل‌وانتقالات',
      'قهرمانی آسیا',
      'مدال طلا',
      'ورزش مدارس',
      'هندبال',
      'تنیس روی میز',
      'اسکی',
      'چوگان',
      'زورخانه',
      'پارالمپیک',
    ],
  },
  {
    slug: 'science',
    name: 'علم و فناوری',
    description: 'تازه‌های پژوهش، آموزش علمی، استارتاپ‌ها و فناوری‌های نو، از المپیادها تا هوش مصنوعی.',
    desk: 'خبرنگار علمی بایگان',
    group: 'علم و فناوری',
    weight: 9,
    subjects: [
      subject('المپیاد علمی دانش‌آموزی', 'science-olympiad', 'المپیاد'),
      subject('پژوهش‌های هوش مصنوعی', 'ai-research', 'هوش مصنوعی'),
      subject('استارتاپ‌های فناوری', 'tech-startups', 'استارتاپ‌ها'),
      subject('ماهوارهٔ دانشجویی', 'student-satellite', 'ماهواره'),
      subject('پژوهش سلول‌های بنیادی', 'stem-cell-research', 'سلول‌های بنیادی'),
      subject('نیروگاه خورشیدی', 'solar-power-plant', 'انرژی خورشیدی'),
      subject('رصد خورشیدگرفتگی', 'eclipse-observation', 'نجوم'),
      subject('پارک علم و فناوری', 'science-park', 'پارک فناوری'),
      subject('اینترنت روستایی', 'rural-internet', 'اینترنت'),
      subject('داروهای گیاهی', 'herbal-medicine', 'داروسازی'),
      subject('مسابقات رباتیک', 'robotics-contest', 'رباتیک'),
      subject('امنیت سایبری', 'cyber-security', 'امنیت سایبری'),
    ],
    officials: [
      'رئیس پارک علم و فناوری',
      'عضو هیئت علمی دانشگاه',
      'دبیر کمیتهٔ علمی المپیاد',
      'مدیرعامل یک شرکت دانش‌بنیان',
      'پژوهشگر ارشد پژوهشگاه',
      'معاون پژوهشی دانشگاه',
    ],
    orgs: ['پارک علم و فناوری', 'باشگاه دانش‌پژوهان جوان', 'پژوهشگاه فضایی', 'دانشگاه صنعتی', 'انجمن نجوم'],
    sentences: [
      'نتایج این پژوهش در یکی از نشریه‌های علمی بین‌المللی منتشر شده است.',
      'گروه پژوهشی این طرح از {n} دانشجوی کارشناسی ارشد و دکتری تشکیل شده است.',
      'نمونهٔ آزمایشی این دستگاه در آزمایشگاه‌های دانشگاه آزموده شده است.',
      'استارتاپ‌های جوان می‌توانند تا پایان {month} برای دریافت فضای کار رایگان درخواست دهند.',
      'پژوهشگران می‌گویند دسترسی به داده‌های باز، سرعت کار آن‌ها را چند برابر کرده است.',
      'شرکت‌کنندگان باید در شش ساعت مدلی برای دسته‌بندی داده‌های واقعی طراحی می‌کردند.',
      'به گفتهٔ داوران، سطح طرح‌های امسال نسبت به دورهٔ گذشته به‌طور محسوسی بالاتر بود.',
    ],
    headings: ['یافته‌های تازه', 'از آزمایشگاه تا بازار', 'گام بعدی پژوهشگران', 'نگاه داوران'],
    tags: [
      'علم',
      'فناوری',
      'پژوهش',
      'دانشگاه‌ها',
      'نوآوری',
      'نرم‌افزار',
      'برنامه‌نویسی',
      'داده‌های باز',
      'زیست‌فناوری',
      'نانوفناوری',
      'فیزیک',
      'شیمی',
      'ریاضیات',
      'پزشکی',
      'فضا',
      'تلفن همراه',
      'شبکه‌های اجتماعی',
      'اقتصاد دیجیتال',
      'انرژی‌های تجدیدپذیر',
      'ثبت اختراع',
      'دانش‌پژوهان',
      'مقالات علمی',
      'آزمایشگاه‌ها',
      'خودروهای برقی',
      'باتری',
    ],
  },
  {
    slug: 'international',
    name: 'بین‌الملل',
    description: 'رویدادهای جهان، دیپلماسی، تجارت بین‌المللی و گزارش‌هایی از کشورهای همسایه.',
    desk: 'خبرنگار بین‌الملل بایگان',
    group: 'بین‌الملل',
    weight: 11,
    subjects: [
      subject('نشست اقتصادی منطقه‌ای', 'regional-economic-summit', 'نشست منطقه‌ای'),
      subject('توافق تجاری تازه', 'trade-agreement', 'توافق تجاری'),
      subject('نشست سازمان ملل', 'un-meeting', 'سازمان ملل'),
      subject('تغییرات اقلیمی', 'climate-change', 'تغییرات اقلیمی'),
      subject('همکاری‌های گمرکی', 'customs-cooperation', 'همکاری‌های گمرکی'),
      subject('بازار جهانی نفت', 'world-oil-market', 'نفت'),
      subject('گردشگری خارجی', 'foreign-tourism', 'گردشگران خارجی'),
      subject('کریدور ترانزیتی شمال و جنوب', 'north-south-corridor', 'کریدور ترانزیتی'),
      subject('انتخابات پارلمانی', 'parliamentary-elections', 'انتخابات خارجی'),
      subject('نشست سران کشورها', 'leaders-summit', 'نشست سران'),
      subject('پروازهای بین‌المللی', 'international-flights', 'پروازها'),
      subject('مذاکرات آب مرزی', 'border-water-talks', 'آب‌های مرزی'),
    ],
    officials: [
      'سخنگوی وزارت امور خارجه',
      'سفیر پیشین',
      'کارشناس روابط بین‌الملل',
      'رئیس اتاق بازرگانی مشترک',
      'نمایندهٔ سازمان ملل',
      'استاد علوم سیاسی',
    ],
    orgs: ['وزارت امور خارجه', 'سازمان ملل', 'اتاق بازرگانی مشترک', 'سازمان همکاری اقتصادی', 'بانک جهانی'],
    sentences: [
      'نمایندگان {n} کشور در این نشست حضور داشتند.',
      'بیانیهٔ پایانی این نشست بر گسترش همکاری‌های منطقه‌ای تأکید دارد.',
      'ناظران می‌گویند اجرای این توافق به تصویب پارلمان‌های هر دو کشور نیاز دارد.',
      'حجم مبادلات تجاری دو کشور در سال گذشته حدود {pct} درصد افزایش یافته بود.',
      'خبرگزاری‌های خارجی این دیدار را گامی مهم در روابط دو کشور توصیف کردند.',
      'گزارش تازهٔ بانک جهانی رشد اقتصادی منطقه را کمتر از پیش‌بینی‌های پیشین برآورد کرده است.',
      'دور بعدی گفت‌وگوها قرار است ماه آینده در {p} برگزار شود.',
    ],
    headings: ['بیانیهٔ پایانی', 'واکنش‌های جهانی', 'پیامد برای منطقه', 'پیشینهٔ گفت‌وگوها'],
    tags: [
      'دیپلماسی',
      'سیاست خارجی',
      'همسایگان',
      'آسیای میانه',
      'اروپا',
      'خاورمیانه',
      'قفقاز',
      'حوزهٔ خلیج فارس',
      'تجارت جهانی',
      'تحریم‌ها',
      'پناهندگان',
      'کمک‌های بشردوستانه',
      'اقلیم جهانی',
      'امنیت غذایی',
      'انرژی جهانی',
      'سازمان‌های بین‌المللی',
      'سفارت‌خانه‌ها',
      'روادید',
      'ایرانیان خارج از کشور',
      'گفت‌وگوهای چندجانبه',
      'اقتصاد جهان',
      'خطوط کشتیرانی',
      'بنادر',
      'رسانه‌های خارجی',
      'افغانستان',
    ],
  },
  {
    slug: 'site',
    name: 'اخبار سایت',
    description: 'اطلاعیه‌های تحریریه دربارهٔ امکانات تازه، تغییرات سایت و شیوهٔ کار بایگان.',
    desk: 'تحریریهٔ بایگان',
    group: 'تحریریه',
    weight: 3,
    subjects: [
      subject('نسخهٔ تازهٔ سایت', 'new-site-version', 'اخبار سایت'),
      subject('خبرنامهٔ ایمیلی', 'email-newsletter', 'خبرنامه'),
      subject('خوراک‌های خبری', 'news-feeds', 'خوراک خبری'),
      subject('بایگانی خبرها', 'news-archive', 'بایگانی'),
      subject('نسخهٔ تلفن همراه', 'mobile-version', 'نسخهٔ موبایل'),
      subject('جست‌وجوی سایت', 'site-search', 'جست‌وجو'),
      subject('قواعد نظرهای خوانندگان', 'comment-rules', 'نظرهای خوانندگان'),
      subject('دسترس‌پذیری سایت', 'accessibility', 'دسترس‌پذیری'),
    ],
    officials: ['سردبیر بایگان', 'دبیر تحریریه', 'مدیر فنی سایت', 'دبیر بخش عکس'],
    orgs: ['تحریریهٔ بایگان', 'گروه فنی بایگان'],
    sentences: [
      'تحریریهٔ بایگان از همهٔ خوانندگانی که در ماه‌های گذشته پیشنهادهای خود را فرستادند سپاسگزار است.',
      'این تغییر بر نشانی خبرهای قدیمی اثری ندارد و همهٔ پیوندها مانند گذشته کار می‌کنند.',
      'اگر با مشکلی روبه‌رو شدید، می‌توانید از راه نشانی ایمیل تحریریه با ما در تماس باشید.',
      'در نسخهٔ تازه، صفحه‌ها سبک‌تر شده‌اند و روی تلفن‌های همراه سریع‌تر باز می‌شوند.',
      'همهٔ قلم‌های سایت اکنون از خود سایت بارگذاری می‌شوند و هیچ درخواستی به سرورهای دیگر فرستاده نمی‌شود.',
      'تاریخ خبرها مانند همیشه به تقویم خورشیدی و به وقت تهران نمایش داده می‌شود.',
      'برای خوانندگانی که از صفحه‌خوان استفاده می‌کنند، ساختار صفحه‌ها بازبینی شده است.',
      'بایگانی کامل خبرها از سال ۱۳۸۵ تاکنون از صفحهٔ بایگانی در دسترس است.',
      'شناسهٔ هر خبر همیشه ثابت می‌ماند و می‌توانید با خیال آسوده به آن پیوند بدهید.',
      'گروه فنی بایگان در {period} گذشته بیش از {n} گزارش خطا را بررسی و برطرف کرده است.',
      'نظر شما دربارهٔ این تغییرات برای ما ارزشمند است.',
      'این امکان در مرحلهٔ نخست به‌صورت آزمایشی در دسترس قرار گرفته است.',
      'در هفته‌های آینده راهنمای کوتاهی برای استفاده از این امکان منتشر می‌کنیم.',
      'خوانندگان بایگان در نظرسنجی سال گذشته بیش از هر چیز خواستار سرعت بیشتر سایت بودند.',
      'همهٔ صفحه‌ها بدون جاوااسکریپت هم کار می‌کنند و روی اینترنت کند نیز خوانا می‌مانند.',
      'ما همچنان به اصول حرفه‌ای خبرنگاری و احترام به حریم خصوصی خوانندگان پایبندیم.',
    ],
    headings: ['چه چیزی تغییر کرده است؟', 'پرسش‌های رایج', 'گام‌های بعدی'],
    tags: ['تحریریه', 'خوانندگان', 'طراحی سایت', 'حریم خصوصی', 'نسخهٔ تازه'],
  },
];

/** @typedef {{ fa: string, en: string }} Place */

/**
 * @param {string} fa
 * @param {string} en
 * @returns {Place}
 */
const place = (fa, en) => ({ fa, en });

const IRANIAN_CITIES = [
  place('تهران', 'tehran'),
  place('مشهد', 'mashhad'),
  place('اصفهان', 'isfahan'),
  place('شیراز', 'shiraz'),
  place('تبریز', 'tabriz'),
  place('کرمان', 'kerman'),
  place('رشت', 'rasht'),
  place('یزد', 'yazd'),
  place('اهواز', 'ahvaz'),
  place('کرمانشاه', 'kermanshah'),
  place('همدان', 'hamedan'),
  place('ارومیه', 'urmia'),
  place('زاهدان', 'zahedan'),
  place('بندرعباس', 'bandar-abbas'),
  place('اردبیل', 'ardabil'),
  place('قزوین', 'qazvin'),
  place('سنندج', 'sanandaj'),
  place('گرگان', 'gorgan'),
  place('ساری', 'sari'),
  place('بوشهر', 'bushehr'),
  place('خرم‌آباد', 'khorramabad'),
  place('زنجان', 'zanjan'),
  place('سمنان', 'semnan'),
  place('بیرجند', 'birjand'),
  place('یاسوج', 'yasuj'),
  place('ایلام', 'ilam'),
  place('شهرکرد', 'shahrekord'),
  place('بجنورد', 'bojnurd'),
  place('قم', 'qom'),
  place('اراک', 'arak'),
  place('کرج', 'karaj'),
];

const FOREIGN_CITIES = [
  place('ژنو', 'geneva'),
  place('استانبول', 'istanbul'),
  place('دوحه', 'doha'),
  place('پکن', 'beijing'),
  place('مسکو', 'moscow'),
  place('دهلی نو', 'new-delhi'),
  place('وین', 'vienna'),
  place('باکو', 'baku'),
  place('ایروان', 'yerevan'),
  place('مسقط', 'muscat'),
  place('نیویورک', 'new-york'),
  place('تاشکند', 'tashkent'),
];

/** Tags that any section may use. */
const GENERAL_TAGS = [
  'گزارش ویژه',
  'گفت‌وگو',
  'آمار',
  'نظرسنجی',
  'جوانان',
  'زنان',
  'روستاها',
  'کلان‌شهرها',
  'استان‌ها',
  'شهرستان‌ها',
  'بودجه',
  'قوانین',
  'سرمایه‌گذاری',
  'گزارش میدانی',
  'پیگیری بایگان',
  'یادداشت',
  'تاریخچه',
  'چشم‌انداز',
  'مسئولیت اجتماعی',
  'فضای مجازی',
];

/** Tags: each section's, every subject's, and the Iranian cities; spelling variants appear once. */
export const TAG_POOL = [
  ...new Set([
    ...CATEGORIES.flatMap((c) => [...c.tags, ...c.subjects.map((s) => s.tag)]),
    ...IRANIAN_CITIES.map((c) => c.fa),
    ...GENERAL_TAGS,
  ]),
];

const PERIODS = ['سه ماه', 'شش ماه', 'نُه ماه', 'یک سال', 'دو سال', 'چهار ماه'];

const QUOTES = [
  'ما تلاش می‌کنیم تا پایان سال همهٔ مراحل این طرح را به سرانجام برسانیم',
  'مشکل اصلی نه کمبود بودجه، بلکه هماهنگ نبودن دستگاه‌هاست',
  'مردم باید نتیجهٔ این تصمیم را در زندگی روزمرهٔ خود ببینند',
  'هنوز برای داوری دربارهٔ نتایج زود است، اما نشانه‌ها امیدوارکننده‌اند',
  'اگر حمایت‌ها ادامه پیدا کند، سال آینده شاهد رشد بیشتری خواهیم بود',
  'این طرح بدون مشارکت مردم به نتیجه نمی‌رسد',
  'ما از همهٔ پیشنهادهای کارشناسی استقبال می‌کنیم',
  'تجربهٔ سال‌های گذشته نشان داده است که شتاب‌زدگی هزینه‌های زیادی دارد',
  'بیش از هر چیز به برنامه‌ریزی دقیق و صبر نیاز داریم',
  'نیروهای جوان و متخصص سرمایهٔ اصلی این استان‌اند',
  'گزارش کامل کار را بی‌کم‌وکاست در اختیار مردم می‌گذاریم',
  'هر تصمیمی در این زمینه باید بر پایهٔ داده‌های دقیق گرفته شود',
  'فکر می‌کنیم این تغییر برای نسل بعد ماندگار خواهد بود',
  'راه درازی در پیش داریم، اما نخستین گام را برداشته‌ایم',
];

const OPENINGS = [
  'به گزارش {desk}، {s} در {p} طی {period} گذشته به یکی از موضوع‌های اصلی گفت‌وگوی مسئولان و مردم تبدیل شده است.',
  'به گزارش {desk}، نشست بررسی {s} صبح امروز با حضور {off} در {p} برگزار شد.',
  '{o} امروز اعلام کرد که مرحلهٔ تازهٔ {s} در {p} از هفتهٔ آینده آغاز می‌شود.',
  'به گزارش {desk}، {off} در جمع خبرنگاران از آخرین وضعیت {s} در {p} خبر داد.',
  'بر پایهٔ گزارشی که {o} روز گذشته منتشر کرد، {s} در {p} در {period} گذشته تغییرات چشمگیری داشته است.',
];

const SITE_OPENINGS = [
  'به گزارش {desk}، از امروز {s} با امکانات تازه در دسترس خوانندگان است.',
  'تحریریهٔ بایگان در این یادداشت توضیح می‌دهد که در {s} چه چیزی تغییر کرده و چرا.',
  'به گزارش {desk}، گروه فنی بایگان کار روی {s} را پس از {period} به پایان رساند.',
];

/** Body sentences for every section but the site news. */
const SENTENCES = [
  '{off} در گفت‌وگو با خبرنگار ما گفت: «{q}.»',
  'بر پایهٔ آمار {o}، در {period} گذشته بیش از {n} مورد مشابه در استان ثبت شده است.',
  'کارشناسان معتقدند {s} بدون برنامه‌ریزی دقیق‌تر در سال‌های آینده با دشواری روبه‌رو خواهد شد.',
  'این موضوع در ماه‌های اخیر بارها در نشست‌های {o} مطرح شده بود.',
  'به گفتهٔ {person}، {off}، سهم {p} از این طرح نسبت به سال گذشته {pct} درصد بیشتر شده است.',
  'شهروندان {p} نیز در گفت‌وگو با بایگان از تأثیر این تصمیم بر زندگی روزمرهٔ خود گفتند.',
  'هنوز زمان دقیق اجرای مرحلهٔ دوم این طرح اعلام نشده است.',
  'پیش از این نیز {o} وعده داده بود که گزارش کامل {s} را تا پایان {month} منتشر کند.',
  'منتقدان می‌گویند بخشی از این رقم‌ها به افزایش قیمت‌ها برمی‌گردد و نه رشد واقعی.',
  'مسئولان استانی امیدوارند با تکمیل زیرساخت‌ها، این روند در سال {year} نیز ادامه یابد.',
  'در همین حال، نمایندگان بخش خصوصی خواستار شفافیت بیشتر در تصمیم‌گیری‌ها شدند.',
  'برآوردها نشان می‌دهد که اجرای کامل این برنامه به حدود {n} میلیارد تومان اعتبار نیاز دارد.',
  'یکی از فعالان این حوزه که نخواست نامش فاش شود، به بایگان گفت که روند کار کندتر از انتظار پیش می‌رود.',
  'بر اساس برنامهٔ اعلام‌شده، {small} شهر دیگر نیز تا پایان سال به این طرح می‌پیوندند.',
  'گزارش‌های میدانی خبرنگاران ما از {p} نشان می‌دهد که استقبال از این طرح بیش از پیش‌بینی‌ها بوده است.',
  'با این حال، برخی کارشناسان نسبت به پیامدهای بلندمدت آن هشدار داده‌اند.',
  'این طرح نخستین بار چند سال پیش در {p2} آزمایش شده بود.',
  '{o} همچنین از راه‌اندازی سامانه‌ای تازه برای پیگیری درخواست‌های مردمی خبر داد.',
  'مقایسهٔ آمارهای امسال با سال گذشته نشان‌دهندهٔ رشدی {pct} درصدی است.',
  'قرار است نتایج ارزیابی این طرح در نشست بعدی {o} بررسی شود.',
  'به گفتهٔ مسئولان، بیش از {big} نفر به‌طور مستقیم از این تصمیم تأثیر می‌پذیرند.',
  'در جریان این بازدید، {off} از نزدیک با مشکلات فعالان این بخش آشنا شد.',
  'کارشناسان یکی از دلایل اصلی این وضعیت را کمبود نیروی متخصص می‌دانند.',
  'گزارش کامل این نشست در روزهای آینده منتشر خواهد شد.',
  'تجربهٔ شهرهای دیگر نشان می‌دهد که مشارکت مردم در موفقیت چنین طرح‌هایی نقشی تعیین‌کننده دارد.',
  'برخی از حاضران در نشست، زمان‌بندی اعلام‌شده را خوش‌بینانه دانستند.',
  'در بخش دیگری از این گزارش آمده است که {s} در {p} هنوز با کمبود اعتبار روبه‌روست.',
  'این در حالی است که سال گذشته تنها {n} مورد مشابه ثبت شده بود.',
  'خبرنگار بایگان در این باره با چند تن از کارشناسان گفت‌وگو کرده است.',
  'نتایج یک نظرسنجی محلی نشان می‌دهد که {pct} درصد پاسخ‌دهندگان از این تغییرات راضی‌اند.',
  'مسئولان وعده داده‌اند که گزارش پیشرفت کار هر سه ماه یک‌بار منتشر شود.',
  'از سوی دیگر، هزینه‌های اجرایی در ماه‌های اخیر به‌شدت افزایش یافته است.',
  'پیگیری‌های بایگان نشان می‌دهد که بخش عمدهٔ این اعتبار هنوز پرداخت نشده است.',
  '{person}، که سال‌ها در این حوزه فعالیت کرده است، می‌گوید: «{q}.»',
  'بسیاری از خانواده‌ها در {p} منتظر نتیجهٔ این تصمیم هستند.',
  'به نظر می‌رسد تصمیم نهایی دربارهٔ {s} به هفته‌های آینده موکول شده است.',
  'دبیرخانهٔ این طرح در {p} از ابتدای {month} کار خود را آغاز کرده است.',
  'بخشی از هزینه‌ها از محل کمک‌های خیران و بخش خصوصی تأمین می‌شود.',
  'کارشناسان پیشنهاد می‌کنند پیش از گسترش طرح، نتایج مرحلهٔ نخست به‌دقت ارزیابی شود.',
  'به گفتهٔ {off}، دست‌کم {small} گروه کاری برای پیگیری این موضوع تشکیل شده است.',
  'نخستین گزارش‌ها از اجرای این طرح در محله‌های مرکزی {p} رضایت‌بخش بوده است.',
  'یکی از ساکنان قدیمی {p} می‌گوید که چنین تغییری را در سال‌های گذشته ندیده بود.',
  '{o} برای آگاهی مردم از جزئیات طرح، چند جلسهٔ پرسش و پاسخ برگزار کرده است.',
  'مسئولان از مردم خواسته‌اند اخبار این طرح را تنها از منابع رسمی دنبال کنند.',
  'به باور کارشناسان، آموزش نیروهای اجرایی باید پیش از هر چیز در اولویت قرار گیرد.',
  'برخی فعالان این حوزه از کمبود هماهنگی میان دستگاه‌های مسئول گلایه دارند.',
  'قرار است در مرحلهٔ بعد، شهرستان‌های کم‌برخوردار در اولویت قرار گیرند.',
  'بازدیدهای میدانی مسئولان از {p} در هفته‌های اخیر افزایش یافته است.',
  'به گفتهٔ {person}، پژوهشگر این حوزه، داده‌های دقیق هنوز در دسترس عموم قرار نگرفته است.',
  'این تصمیم پس از ماه‌ها بحث و بررسی در نشست‌های کارشناسی گرفته شد.',
  'در {period} گذشته دست‌کم {small} نشست تخصصی دربارهٔ {s} در {p} برگزار شده است.',
  'نمایندگان تشکل‌های مردمی نیز در این نشست دیدگاه‌های خود را مطرح کردند.',
  'کارشناسان تأکید می‌کنند که ادامهٔ این روند به ثبات سیاست‌ها بستگی دارد.',
  'گزارش‌ها حاکی است که بخشی از تجهیزات مورد نیاز هنوز خریداری نشده است.',
  'مسئولان می‌گویند تا پایان {month} تصویر روشن‌تری از نتایج به دست خواهد آمد.',
];

const GENERAL_HEADINGS = [
  'نگاهی به آمارها',
  'واکنش‌ها',
  'گام‌های بعدی',
  'نگرانی‌ها',
  'روایت مردم',
  'آنچه تاکنون می‌دانیم',
  'پیشینهٔ ماجرا',
  'نظر کارشناسان',
  'چشم‌انداز سال آینده',
  'هزینه‌ها و منابع',
  'چالش‌های پیش رو',
];

const LIST_INTROS = [
  'مهم‌ترین محورهای این برنامه عبارت‌اند از:',
  'به گفتهٔ مسئولان، چند عامل در این وضعیت نقش داشته است:',
  'آنچه در این نشست تصویب شد:',
  'کارشناسان چند پیشنهاد مشخص دارند:',
];

const LIST_ITEMS = [
  'برگزاری نشست‌های منظم با فعالان این بخش',
  'راه‌اندازی سامانهٔ ثبت درخواست‌های مردمی',
  'افزایش {pct} درصدی اعتبارات استانی',
  'آموزش {big} نفر از نیروهای تازه‌نفس',
  'انتشار گزارش ماهانهٔ پیشرفت کار',
  'همکاری با دانشگاه‌ها برای ارزیابی نتایج',
  'کاهش زمان رسیدگی به درخواست‌ها به کمتر از {small} روز',
  'حمایت ویژه از شهرهای کوچک و روستاها',
  'استفاده از تجربهٔ شهرهای دیگر',
  'نظارت مستقل بر هزینه‌ها',
  'گسترش زیرساخت‌ها در {small} شهرستان',
  'تشکیل کارگروه مشترک با بخش خصوصی',
];

const CLOSINGS = [
  'بایگان پیگیر این خبر خواهد بود.',
  'گزارش‌های بعدی را در همین صفحه دنبال کنید.',
  'این گزارش با دریافت اطلاعات تازه به‌روز می‌شود.',
  'بایگان در روزهای آینده گزارش‌های تکمیلی منتشر خواهد کرد.',
];

const LINK_SENTENCES = [
  'متن کامل این گزارش را می‌توانید در [تارنمای {o}](https://example.com/reports/{id}) بخوانید.',
  'جزئیات بیشتر در [گزارش پیشین بایگان](https://example.com/archive/{id}) آمده است.',
  'آمارهای این گزارش از [دادگان عمومی {o}](https://example.com/data/{en}) گرفته شده است.',
];

const TITLES = [
  '{off} از برنامه‌های تازه برای {s} در {p} خبر داد',
  'نشست بررسی {s} در {p} با حضور کارشناسان برگزار شد',
  'گزارش بایگان از {s} در {p}؛ امیدها و نگرانی‌ها',
  'آغاز مرحلهٔ تازهٔ {s} در {p} پس از ماه‌ها انتظار',
  'نگرانی فعالان از آیندهٔ {s} در {p} بالا گرفت',
  'روایت مردم {p} از تغییرات {s} در سال‌های اخیر',
  '{o} گزارش تازه‌ای از وضعیت {s} منتشر کرد',
  'تصمیم نهایی دربارهٔ {s} در {p} به هفتهٔ آینده موکول شد',
  'استقبال گستردهٔ شهروندان {p} از {s}',
  '{s} در {p}: آنچه تا امروز می‌دانیم',
  'پیشنهاد تازهٔ {o} برای {s} در {p} بررسی می‌شود',
  'رشد {pct} درصدی شاخص‌های {s} در {p}',
];

const SITE_TITLES = [
  'بایگان {s} را برای خوانندگان بازطراحی کرد',
  'تغییرات تازه در {s}؛ آنچه خوانندگان باید بدانند',
  'پاسخ تحریریهٔ بایگان به پرسش‌های خوانندگان دربارهٔ {s}',
  'نسخهٔ آزمایشی {s} از امروز در دسترس است',
];

const LEADS = [
  'به اعلام {o}، مرحلهٔ تازهٔ {s} در {p} از هفتهٔ آینده آغاز می‌شود.',
  'در نشستی که صبح امروز در {p} برگزار شد، {off} آخرین وضعیت {s} را تشریح کرد و از برنامه‌های سال آینده گفت.',
  'بر پایهٔ گزارش تازهٔ {o}، {s} در {p} طی {period} گذشته تغییرات چشمگیری داشته است.',
  'فعالان و کارشناسان {p} دربارهٔ آیندهٔ {s} نظرهای متفاوتی دارند؛ بایگان پای صحبت آن‌ها نشسته است.',
  '{off} می‌گوید {s} در {p} با وجود همهٔ دشواری‌ها در مسیر درستی پیش می‌رود.',
];

const SITE_LEADS = [
  'از امروز {s} در بایگان با امکانات تازه در دسترس است؛ در این یادداشت توضیح می‌دهیم چه چیزی تغییر کرده است.',
  'تحریریهٔ بایگان به پرسش‌های پرتکرار خوانندگان دربارهٔ {s} پاسخ می‌دهد.',
];

const LEAD_FOLLOW_UPS = [
  'جزئیات این تصمیم قرار است تا پایان {month} اعلام شود.',
  'این خبر با واکنش‌های متفاوتی روبه‌رو شده است.',
  'به گفتهٔ مسئولان، اجرای کامل آن دست‌کم دو سال زمان می‌برد.',
  'نخستین نتایج در گزارش امروز بایگان آمده است.',
];

const SOURCES = [
  'خبرگزاری نمونه',
  'روزنامهٔ شهر نمونه',
  'پایگاه خبری استان',
  'خبرنامهٔ اتاق بازرگانی',
  'هفته‌نامهٔ محلی',
  'رادیو نمونه',
];

/** @typedef {{ fa: string, en: string }} Name */

/**
 * @param {string} fa
 * @param {string} en
 * @returns {Name}
 */
const name = (fa, en) => ({ fa, en });

const FIRST_NAMES = [
  name('علی', 'ali'),
  name('محمد', 'mohammad'),
  name('حسین', 'hossein'),
  name('رضا', 'reza'),
  name('مهدی', 'mehdi'),
  name('امیر', 'amir'),
  name('سعید', 'saeed'),
  name('حمید', 'hamid'),
  name('کاوه', 'kaveh'),
  name('بهرام', 'bahram'),
  name('پیمان', 'peyman'),
  name('فرهاد', 'farhad'),
  name('نیما', 'nima'),
  name('آرش', 'arash'),
  name('مریم', 'maryam'),
  name('سارا', 'sara'),
  name('زهرا', 'zahra'),
  name('فاطمه', 'fatemeh'),
  name('نرگس', 'narges'),
  name('لیلا', 'leila'),
  name('مینا', 'mina'),
  name('شیرین', 'shirin'),
  name('الهام', 'elham'),
  name('پریسا', 'parisa'),
  name('سمیرا', 'samira'),
  name('نازنین', 'nazanin'),
  name('هانیه', 'hanieh'),
  name('آزاده', 'azadeh'),
];

const SURNAMES = [
  name('کریمی', 'karimi'),
  name('احمدی', 'ahmadi'),
  name('تهرانی', 'tehrani'),
  name('حسینی', 'hosseini'),
  name('رضایی', 'rezaei'),
  name('محمدی', 'mohammadi'),
  name('موسوی', 'mousavi'),
  name('جعفری', 'jafari'),
  name('صادقی', 'sadeghi'),
  name('کاظمی', 'kazemi'),
  name('رحیمی', 'rahimi'),
  name('نوری', 'nouri'),
  name('شریفی', 'sharifi'),
  name('قاسمی', 'ghasemi'),
  name('یزدانی', 'yazdani'),
  name('فراهانی', 'farahani'),
  name('اکبری', 'akbari'),
  name('نیک‌نام', 'niknam'),
  name('شیرازی', 'shirazi'),
  name('مرادی', 'moradi'),
  name('بهرامی', 'bahrami'),
  name('طاهری', 'taheri'),
  name('زمانی', 'zamani'),
  name('روشن‌دل', 'roshandel'),
  name('کیانی', 'kiani'),
  name('فرهمند', 'farahmand'),
  name('نادری', 'naderi'),
  name('ایزدی', 'izadi'),
  name('باقری', 'bagheri'),
  name('خسروی', 'khosravi'),
];

const BIO_FIELDS = [
  'روزنامه‌نگاری',
  'علوم ارتباطات',
  'اقتصاد',
  'جامعه‌شناسی',
  'علوم سیاسی',
  'ادبیات فارسی',
  'تربیت بدنی',
  'مهندسی کامپیوتر',
  'زبان انگلیسی',
];

const BIO_INTERESTS = [
  'گزارش‌های میدانی از شهرهای کوچک',
  'روزنامه‌نگاری داده',
  'گفت‌وگو با مردم عادی',
  'گزارش‌های تحقیقی بلند',
  'عکاسی خبری',
  'پیگیری خبرها تا آخرین جزئیات',
];

export const AUTHOR_COUNT = 25;

/**
 * @typedef {object} Author
 * @property {string} slug
 * @property {string} name
 * @property {string} role
 * @property {string} bio
 * @property {string} desk The slug of the section they mostly write for.
 */

/**
 * 25 reporters: two or three per section, one of them its editor.
 * @param {number} seed
 * @returns {Author[]}
 */
function makeAuthors(seed) {
  const random = new Random(mixSeed(seed, 0xa07));
  const firstNames = random.sample(FIRST_NAMES, FIRST_NAMES.length);
  const surnames = random.sample(SURNAMES, SURNAMES.length);
  /** @type {Author[]} */
  const authors = [];
  for (let i = 0; i < AUTHOR_COUNT; i++) {
    const first = /** @type {Name} */ (firstNames[i % firstNames.length]);
    const last = /** @type {Name} */ (surnames[i % surnames.length]);
    const category = /** @type {Category} */ (CATEGORIES[i % CATEGORIES.length]);
    const editor = i < CATEGORIES.length;
    const fullName = `${first.fa} ${last.fa}`;
    const role =
      category.slug === 'site'
        ? editor
          ? 'سردبیر بایگان'
          : 'دبیر تحریریهٔ بایگان'
        : `${editor ? 'دبیر' : 'خبرنگار'} گروه ${category.group}`;
    const since = persianDigits(random.int(1370, 1384)); // before the archive's first article
    const bio =
      `${fullName} از سال ${since} در گروه ${category.group} بایگان کار می‌کند. ` +
      `او دانش‌آموختهٔ ${random.pick(BIO_FIELDS)} است و به ${random.pick(BIO_INTERESTS)} علاقه دارد.`;
    authors.push({ slug: `${first.en}-${last.en}`, name: fullName, role, bio, desk: category.slug });
  }
  return authors;
}

// ---------------------------------------------------------------------------------------------
// Images: six small baseline JPEGs drawn block by block (a sky gradient, a horizon and a sun).

/**
 * Canonical Huffman codes from a JPEG table's code-length counts and symbols.
 * @param {number[]} bits How many codes of each length 1..16.
 * @param {number[]} symbols
 */
function huffmanCodes(bits, symbols) {
  /** @type {Map<number, { code: number, length: number }>} */
  const codes = new Map();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (bits[length - 1] ?? 0); i++) {
      codes.set(/** @type {number} */ (symbols[k++]), { code: code++, length });
    }
    code <<= 1;
  }
  return codes;
}

// The standard luminance DC table (ITU T.81 K.3), and an AC table with the end-of-block code only:
// every 8×8 block is one flat colour, so its AC coefficients are all zero.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_SYMBOLS = [0];

/**
 * A baseline JPEG (4:4:4, quantisation 1) whose 8×8 blocks each have one colour.
 * @param {number} width
 * @param {number} height
 * @param {(bx: number, by: number, blocksWide: number, blocksHigh: number) => number[]} colourAt RGB of a block
 * @returns {Buffer}
 */
export function encodeBlockJpeg(width, height, colourAt) {
  const dcCodes = huffmanCodes(DC_BITS, DC_SYMBOLS);
  const endOfBlock = /** @type {{ code: number, length: number }} */ (huffmanCodes(AC_BITS, AC_SYMBOLS).get(0));
  /** @type {number[]} */
  const data = [];
  let byte = 0;
  let filled = 0;
  /** @param {number} value @param {number} length */
  const put = (value, length) => {
    for (let i = length - 1; i >= 0; i--) {
      byte = (byte << 1) | ((value >> i) & 1);
      if (++filled === 8) {
        data.push(byte);
        if (byte === 0xff) data.push(0); // byte stuffing
        byte = 0;
        filled = 0;
      }
    }
  };
  const predictors = [0, 0, 0];
  const blocksWide = Math.ceil(width / 8);
  const blocksHigh = Math.ceil(height / 8);
  for (let by = 0; by < blocksHigh; by++) {
    for (let bx = 0; bx < blocksWide; bx++) {
      const [r = 0, g = 0, b = 0] = colourAt(bx, by, blocksWide, blocksHigh);
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ];
      for (let c = 0; c < 3; c++) {
        // A flat block's DC coefficient is 8 × (level − 128).
        const dc = Math.max(-1016, Math.min(1016, Math.round(8 * ((ycc[c] ?? 128) - 128))));
        const diff = dc - (predictors[c] ?? 0);
        predictors[c] = dc;
        const size = diff === 0 ? 0 : 32 - Math.clz32(Math.abs(diff));
        const code = /** @type {{ code: number, length: number }} */ (dcCodes.get(size));
        put(code.code, code.length);
        if (size > 0) put(diff < 0 ? diff + (1 << size) - 1 : diff, size);
        put(endOfBlock.code, endOfBlock.length);
      }
    }
  }
  if (filled > 0) put(0xff, 8 - filled); // pad with 1-bits
  /** @param {number} marker @param {number[]} body */
  const segment = (marker, body) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  return Buffer.from([
    0xff,
    0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF 1.1, no thumbnail
    ...segment(0xdb, [0, ...new Array(64).fill(1)]), // one quantisation table of ones
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]),
    ...segment(0xc4, [0x00, ...DC_BITS, ...DC_SYMBOLS, 0x10, ...AC_BITS, ...AC_SYMBOLS]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
    ...data,
    0xff,
    0xd9, // EOI
  ]);
}

/**
 * @typedef {object} ImageSpec
 * @property {string} name File name without `.jpg`.
 * @property {number[]} skyTop
 * @property {number[]} skyBottom
 * @property {number[]} ground
 * @property {number[]} sun
 * @property {number} sunX Sun centre, as a fraction of the width.
 * @property {string} alt
 */

/** @type {ImageSpec[]} */
const IMAGES = [
  {
    name: 'dawn',
    skyTop: [32, 70, 140],
    skyBottom: [236, 160, 90],
    ground: [70, 60, 50],
    sun: [255, 214, 120],
    sunX: 0.3,
    alt: 'تصویر نمادین: طلوع خورشید بر فراز افقی تیره',
  },
  {
    name: 'noon',
    skyTop: [60, 130, 210],
    skyBottom: [170, 210, 240],
    ground: [90, 140, 70],
    sun: [255, 250, 210],
    sunX: 0.7,
    alt: 'تصویر نمادین: آسمان آبی روشن بالای دشتی سبز',
  },
  {
    name: 'dusk',
    skyTop: [60, 30, 90],
    skyBottom: [220, 100, 80],
    ground: [40, 30, 40],
    sun: [250, 170, 90],
    sunX: 0.55,
    alt: 'تصویر نمادین: غروب ارغوانی و خورشید نارنجی',
  },
  {
    name: 'desert',
    skyTop: [110, 170, 220],
    skyBottom: [230, 220, 190],
    ground: [200, 160, 100],
    sun: [255, 240, 180],
    sunX: 0.8,
    alt: 'تصویر نمادین: آسمان صاف بالای شن‌های کویر',
  },
  {
    name: 'sea',
    skyTop: [90, 150, 200],
    skyBottom: [200, 225, 235],
    ground: [30, 90, 140],
    sun: [255, 255, 230],
    sunX: 0.2,
    alt: 'تصویر نمادین: خط افق دریا زیر آسمان آبی',
  },
  {
    name: 'night',
    skyTop: [10, 15, 40],
    skyBottom: [40, 50, 90],
    ground: [20, 20, 25],
    sun: [230, 230, 210],
    sunX: 0.75,
    alt: 'تصویر نمادین: ماه کامل در آسمان شب',
  },
];

export const IMAGE_WIDTH = 800;
export const IMAGE_HEIGHT = 450;

/**
 * @param {number[]} a
 * @param {number[]} b
 * @param {number} t
 */
const mix = (a, b, t) => a.map((v, i) => v + ((b[i] ?? v) - v) * t);

/** @param {ImageSpec} spec */
function drawImage(spec) {
  return encodeBlockJpeg(IMAGE_WIDTH, IMAGE_HEIGHT, (bx, by, wide, high) => {
    const horizon = Math.round(high * 0.68);
    const sunX = spec.sunX * wide;
    const sunY = high * 0.38;
    if (Math.hypot(bx + 0.5 - sunX, by + 0.5 - sunY) < high * 0.12) return spec.sun;
    if (by < horizon) return mix(spec.skyTop, spec.skyBottom, by / horizon);
    return mix(spec.ground, [0, 0, 0], ((by - horizon) / (high - horizon)) * 0.35);
  });
}

// ---------------------------------------------------------------------------------------------
// Articles

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
function makeArticle(id, seed, timeIndex, timelineEnd, authors) {
  const random = new Random(mixSeed(seed, id));
  const category = pickCategory(random);
  const subject = random.pick(category.subjects);
  const places = category.slug === 'international' ? FOREIGN_CITIES : IRANIAN_CITIES;
  const where = category.slug === 'site' ? place('تهران', 'tehran') : random.pick(places);
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

/**
 * @param {CorpusOptions} options
 * @returns {{ count: number, seed: number }}
 */
function checkOptions({ count, seed = DEFAULT_SEED }) {
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
 * @param {CorpusOptions} options
 * @returns {Generator<CorpusFile>}
 */
export function* corpusFiles(options) {
  const { count, seed } = checkOptions(options);
  for (const category of CATEGORIES) {
    yield {
      path: `categories/${category.slug}.yml`,
      content: `name: ${yamlString(category.name)}\ndescription: ${yamlString(category.description)}\n`,
    };
  }
  const authors = makeAuthors(seed);
  for (const author of authors) {
    yield {
      path: `authors/${author.slug}.yml`,
      content: `name: ${yamlString(author.name)}\nrole: ${yamlString(author.role)}\nbio: ${yamlString(author.bio)}\n`,
    };
  }
  for (const image of IMAGES) yield { path: `articles/images/${image.name}.jpg`, content: drawImage(image) };

  // Article i gets a random minute of its own 1/count slice of the timeline: ids follow dates.
  const timelineEnd = archiveDays().length * MINUTES_PER_DAY;
  const timeline = new Random(mixSeed(seed, 0xd47e));
  for (let id = 1; id <= count; id++) {
    const timeIndex = Math.min(timelineEnd - 1, Math.floor(((id - 1 + timeline.next()) * timelineEnd) / count));
    const article = makeArticle(id, seed, timeIndex, timelineEnd, authors);
    yield article;
    if (!/^(draft: true|comments: false)$/m.test(article.content)) yield* makeComments(id, seed, timeAt(timeIndex));
  }
}

const COMMENT_BODIES = [
  'ممنون از گزارش دقیقتان؛ کاش پیگیری کنید که این طرح واقعاً اجرا می‌شود یا نه.',
  'در محلهٔ ما هم همین مشکل هست و کسی پاسخگو نیست.',
  'عدد‌هایی که آمده با آمار سال قبل نمی‌خواند. منبع این آمار چیست؟',
  'خبر خوبی است، امیدوارم به شهرهای کوچک هم برسد.',
  'لطفاً نظر کارشناسان مستقل را هم منعکس کنید.',
  'این موضوع چند سال است که تکرار می‌شود.\n\nتا وقتی بودجه‌اش روشن نباشد، اتفاقی نمی‌افتد.',
];
const COMMENT_REPLIES = ['موافقم.', 'منبع در متن خبر آمده است.', 'دقیقاً همین‌طور است؛ ما هم شاهدش بوده‌ایم.'];

/**
 * Approved reader comments for about one article in twelve: 1–4, sometimes with a reply; drawn from
 * a stream of their own, so adding them left the articles byte-identical.
 * @param {number} id
 * @param {number} seed
 * @param {ArticleTime} t
 * @returns {Generator<CorpusFile>}
 */
function* makeComments(id, seed, t) {
  const random = new Random(mixSeed(seed, 0xc0ffee ^ id));
  if (!random.chance(1 / 12)) return;
  const published = fromTehranJalali(t, t.hour, t.minute).getTime();
  const count = random.int(1, 4);
  for (let n = 1; n <= count; n++) {
    const commentId = `c-${id}-${n}`;
    const submittedAt = toTehranIsoString(new Date(published + random.int(10, 3 * 24 * 60) * 60_000));
    const name = `${random.pick(FIRST_NAMES).fa}${random.chance(0.5) ? ` ${random.pick(SURNAMES).fa}` : ''}`;
    const replyTo = n > 1 && random.chance(0.3) ? 'c-' + id + '-1' : undefined;
    const body = replyTo ? random.pick(COMMENT_REPLIES) : random.pick(COMMENT_BODIES);
    const comment = { id: commentId, article: id, ...(replyTo ? { parent: replyTo } : {}), name, body, submittedAt };
    yield { path: `comments/${id}/${commentId}.json`, content: `${JSON.stringify(comment, null, 2)}\n` };
  }
}

/**
 * A synthetic archive of `count` articles as `{ path, content }` files; pure and deterministic.
 * @param {CorpusOptions} options
 * @returns {CorpusFile[]}
 */
export function generateCorpus(options) {
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
  --help     show this message

Then build it: BAYEGAN_CONTENT_DIR=<dir> npm run build`;

/**
 * @typedef {object} CliOptions
 * @property {string} dir
 * @property {number} count
 * @property {number} seed
 * @property {boolean} force
 */

/**
 * Reads the command line; throws an Error whose message names the problem.
 * @param {string[]} args
 * @returns {CliOptions | 'help'}
 */
export function parseArguments(args) {
  /** @type {string[]} */
  const positional = [];
  let seedText;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = /** @type {string} */ (args[i]);
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--force') force = true;
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
  return { dir, count: Number(countText), seed, force };
}

/**
 * Writes the archive into `dir` and returns what it wrote.
 * @param {CliOptions} options
 */
export function writeCorpus({ dir, count, seed, force }) {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} exists and is not a folder`);
    if (readdirSync(dir).length > 0) {
      if (!force) {
        throw new Error(
          `${dir} is not empty; choose an empty folder, or pass --force to replace its articles/, categories/, authors/ and comments/`,
        );
      }
      for (const folder of ['articles', 'categories', 'authors', 'comments']) {
        rmSync(path.join(dir, folder), { recursive: true, force: true });
      }
    }
  }
  const created = new Set();
  let files = 0;
  let bytes = 0;
  for (const file of corpusFiles({ count, seed })) {
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

/** @param {string[]} args */
function main(args) {
  /** @type {CliOptions | 'help'} */
  let options;
  try {
    options = parseArguments(args);
  } catch (error) {
    console.error(`Error: ${/** @type {Error} */ (error).message}\n\n${USAGE}`);
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
    console.error(`Error: ${/** @type {Error} */ (error).message}`);
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
