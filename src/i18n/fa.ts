import type { TypographyRule } from '#lib/persian/typography/registry.ts';

/** Every piece of interface text the site shows, in one place. */
export const ui = {
  skipToContent: 'پرش به محتوای اصلی',
  today: 'امروز',
  topMenu: 'منوی بالا',
  mainMenu: 'منوی اصلی',
  footerMenu: 'پیوندهای پایین صفحه',
  quickAccess: 'دسترسی سریع',
  latestNews: 'تازه‌ترین خبرها',
  featuredNews: 'اخبار ویژه',
  siteNews: 'اخبار سایت',
  moreInCategory: 'خبرهای بیشتر',
  articleNumber: 'شناسه خبر',
  published: 'تاریخ انتشار',
  updated: 'به‌روزرسانی',
  authors: 'نویسنده',
  category: 'گروه خبری',
  tags: 'برچسب‌ها',
  source: 'منبع',
  breaking: 'فوری',
  featured: 'ویژه',
  noArticles: 'هنوز خبری منتشر نشده است.',
  pagination: 'صفحه‌ها',
  page: 'صفحهٔ',
  newerPage: 'خبرهای جدیدتر',
  olderPage: 'خبرهای قدیمی‌تر',
  newestPage: 'تازه‌ترین‌ها',
  oldestPage: 'نخستین صفحه',
  newestPageCurrent: 'تازه‌ترین خبرها',
  notFoundTitle: 'صفحه پیدا نشد',
  notFoundText: 'نشانی‌ای که باز کرده‌اید در این سایت نیست؛ شاید جابه‌جا شده یا نادرست نوشته شده باشد.',
  backHome: 'بازگشت به صفحهٔ نخست',
  footerArchive: 'آرشیو خبری ساخته‌شده با بایگان',
  home: 'خانه',
  breadcrumbs: 'مسیر صفحه',
  archive: 'آرشیو',
  archiveTitle: 'آرشیو خبرها',
  archiveIntro: 'خبرهای هر سال و هر ماه، به تقویم هجری شمسی و به وقت تهران.',
  tagIndexTitle: 'برچسب‌ها',
  authorIndexTitle: 'نویسندگان',
  articlesCount: 'خبر',
  related: 'خبرهای مرتبط',
  newerInSection: 'خبر جدیدتر این گروه',
  olderInSection: 'خبر قدیمی‌تر این گروه',
  share: 'هم‌رسانی',
  shareTelegram: 'تلگرام',
  shareWhatsApp: 'واتس‌اپ',
  shareX: 'ایکس',
  shareEmail: 'ایمیل',
  copyLink: 'رونوشت پیوند',
  linkCopied: 'پیوند رونوشت شد',
  shortLink: 'پیوند کوتاه',
  redirecting: 'در حال رفتن به خبر…',
  redirectLink: 'اگر به‌طور خودکار منتقل نشدید، این پیوند را باز کنید',
  breakingTicker: 'خبرهای فوری',
  search: 'جستجو',
  searchTitle: 'جستجو در خبرها',
  searchLabel: 'جستجوی خبر',
  searchPlaceholder: 'جستجو در خبرها…',
  searchFilterSection: 'گروه خبری',
  searchFilterYear: 'سال',
  searchFilterAuthor: 'نویسنده',
  searchFilterAny: 'همه',
  searching: 'در حال جستجو…',
  searchOlder: 'نتایج قدیمی‌تر',
  searchFailed: 'جستجو انجام نشد. اتصال اینترنت را بررسی کنید و دوباره جستجو کنید.',
  searchNewestFirst: 'تازه‌ترین خبرها نخست',
  searchNeedsJs:
    'جستجو در این سایت به جاوااسکریپت نیاز دارد. جاوااسکریپت را در مرورگر خود روشن کنید، یا از آرشیو و برچسب‌ها خبرها را پیدا کنید.',
  comments: 'نظرها',
  commentsCount: 'نظر',
  noComments: 'هنوز نظری منتشر نشده است.',
  replyTo: 'پاسخ به',
  commentFormTitle: 'نظر شما',
  commentName: 'نام',
  commentEmail: 'ایمیل (اختیاری؛ منتشر نمی‌شود)',
  commentMessage: 'متن نظر',
  commentHoneypot: 'این خانه را خالی بگذارید',
  commentSubmit: 'فرستادن نظر',
  commentRules: [
    'نظرها پس از تأیید مدیران سایت منتشر می‌شوند.',
    'پیام‌هایی که حاوی تهمت یا افترا باشند منتشر نمی‌شوند.',
    'پیام‌هایی که به غیر از زبان فارسی یا غیر مرتبط با خبر باشند منتشر نمی‌شوند.',
  ],
  commentsClosed: 'نظرها برای این خبر بسته است.',
  thanksTitle: 'سپاس از نظر شما',
  thanksText: 'نظر شما پس از تأیید منتشر می‌شود.',
  refusedTitle: 'نظر شما فرستاده نشد',
  refusedText:
    'سامانهٔ نظرها نتوانست نظر شما را بپذیرد. به صفحهٔ خبر برگردید، نام و متن نظر را بررسی کنید و دوباره بفرستید.',
  feeds: 'خوراک‌ها',
  feedsIntro:
    'با خوراک‌خوان (RSS یا JSON Feed) تازه‌ترین خبرهای سایت، هر گروه خبری یا هر نویسنده را دنبال کنید. نشانی خوراک را در برنامهٔ خوراک‌خوان خود وارد کنید.',
  /** The format's own name, as feed readers write it. */
  jsonFeed: 'JSON Feed',
  siteFeed: 'همهٔ خبرها',
  categoryFeeds: 'گروه‌های خبری',
  authorFeeds: 'نویسندگان',
  feedPreviewNote:
    'این یک خوراک خبری است. نشانی این صفحه را در خوراک‌خوان خود وارد کنید تا خبرهای تازه را دریافت کنید.',
  allRightsNote: 'نقل خبرها با ذکر منبع آزاد است.',
  /** Before the name of who made a picture, video or sound: «عکس: علی رضایی». */
  mediaCredit: { image: 'عکس', video: 'ویدیو', audio: 'صدا' },
  galleryFullSize: '(تصویر بزرگ)',
  videoFallback: 'مرورگر شما این ویدیو را پخش نمی‌کند؛ می‌توانید آن را بارگیری کنید:',
  audioFallback: 'مرورگر شما این صدا را پخش نمی‌کند؛ می‌توانید آن را بارگیری کنید:',
  download: 'بارگیری',
  captionsLabel: 'زیرنویس فارسی',
  correction: 'اصلاحیه',
  correctionsTitle: 'اصلاحیه‌ها',
  correctionsIntro:
    'هر خبری که پس از انتشار اصلاح شده است، با زمان اصلاح و آنچه نادرست بود. تازه‌ترین اصلاحیه‌ها نخست می‌آیند.',
  noCorrections: 'هنوز اصلاحیه‌ای منتشر نشده است.',
  live: 'پوشش زنده',
  liveEnded: 'پایان پوشش زنده',
  liveSummary: 'خلاصه',
  liveUpdates: 'به‌روزرسانی‌ها، تازه‌ترین نخست',
} as const;

/** «عکس: علی رضایی»: a credit under a picture (or «ویدیو: …», «صدا: …»). */
export const mediaCreditLine = (kind: keyof typeof ui.mediaCredit, name: string) => `${ui.mediaCredit[kind]}: ${name}`;

/** «صفحهٔ ۲» */
export const pageLabel = (pageNumber: string) => `${ui.page} ${pageNumber}`;

/** «اقتصادی | بایگان خبر», a feed's title. */
export const feedTitle = (name: string, siteName: string) => `${name} | ${siteName}`;

/** «برچسب: کتاب» */
export const tagTitle = (label: string) => `برچسب: ${label}`;

/** «آرشیو آذر ۱۴۰۳» */
export const archiveMonthTitle = (monthName: string, year: string) => `${ui.archive} ${monthName} ${year}`;

/** «آرشیو سال ۱۴۰۳» */
export const archiveYearTitle = (year: string) => `${ui.archive} سال ${year}`;

/** «فروردین تا خرداد ۱۴۰۳», a part of a year (a piece of the search index). */
export const monthRangeTitle = (fromMonth: string, toMonth: string, year: string) =>
  fromMonth === toMonth ? `${fromMonth} ${year}` : `${fromMonth} تا ${toMonth} ${year}`;

/** «۱۳۹۸ تا ۱۴۰۲» or «۱ مهر تا ۵ آبان ۱۴۰۵»: a period (a piece of the search index). */
export const rangeTitle = (from: string, to: string) => `${from} تا ${to}`;

/** «۲۳ نتیجه برای «بازار»»; while older shards are left, «۲۳ نتیجه برای «بازار»، جستجو تا خبرهای ۱۴۰۳». */
export const searchResultsTitle = (count: string, query: string, through?: string) =>
  `${count} نتیجه${query ? ` برای «${query}»` : ''}${through ? `، جستجو تا ${through}` : ''}`;

/** «نتیجه‌ای برای «بازار» پیدا نشد.» */
export const searchNoResults = (query: string) => `نتیجه‌ای${query ? ` برای «${query}»` : ''} پیدا نشد.`;

/** «خبرهای ۱۴۰۳» and the like: the period of one piece of the search index. */
export const searchScopeTitle = (period: string) => `خبرهای ${period}`;

/** «از ۵ آبان ۱۴۰۵ به بعد»: the period of the newest search shard. */
export const sinceTitle = (date: string) => `از ${date} به بعد`;

/**
 * What each typography rule asks of a reporter (src/lib/persian/typography/registry.ts), shown by
 * `npm run check:content` and `import:legacy` and in the reporters' guide (docs/typography.md).
 */
export const typographyAdvice: Record<TypographyRule, string> = {
  'arabic-letters': 'به جای «ي»، «ى»، «ك» و «ة» عربی، «ی»، «ک» و «ه» فارسی بنویسید، و به جای رقم عربی رقم فارسی.',
  'non-persian-letters':
    'حرف‌های اردو و پشتو (ے ۍ ې ہ ڪ) و شکل‌های نمایشی حرف‌ها (از PDFهای قدیمی) را با حرف فارسی همان بنویسید.',
  'soft-hyphen': 'به جای خط تیرهٔ نرم (soft hyphen) یا نشانهٔ ¬ نیم‌فاصله بگذارید.',
  'heh-ezafe':
    'کسرهٔ اضافه پس از «ه» ناملفوظ را با همزهٔ کوچک بنویسید: «خانهٔ ما»، نه «خانه ی ما»، «خانهء ما» یا «خانۀ ما».',
  diacritics: 'هر اعراب را یک بار و چسبیده به حرف خودش بنویسید.',
  tatweel: 'کشیده (ـ) را بردارید؛ جست‌وجو و رونوشت متن را خراب می‌کند.',
  dashes: 'به جای -- خط تیرهٔ کوتاه (–) و به جای --- خط تیرهٔ بلند (—) بگذارید؛ کشیدهٔ تنها میان دو فاصله هم خط تیره است.',
  ellipsis: 'به جای سه نقطه (...) نشانهٔ سه‌نقطه (…) را بگذارید، چسبیده به واژهٔ پیش از آن.',
  'persian-quotes': 'متن فارسی را در گیومهٔ فارسی «» بگذارید، نه در "".',
  'zwnj-prefix': '«می» و «نمی» را با نیم‌فاصله به فعل بچسبانید: می‌شود، نمی‌کند.',
  'bi-prefix':
    'اگر «بی» پیشوند است، آن را با نیم‌فاصله به واژه بچسبانید: بی‌رویه. نام‌ها (بی بی سی) را همان‌طور که هست بگذارید.',
  'zwnj-suffix': '«ها»، «های»، «تر»، «تری» و «ترین» را با نیم‌فاصله به واژه بچسبانید: کتاب‌ها، بزرگ‌تر.',
  'detached-comparative':
    'اگر «تر» یا «تری» پسوند صفت برتر است، آن را با نیم‌فاصله بچسبانید: روشن‌تر. «تر» به معنای خیس (پسماند تر) جدا می‌ماند.',
  'zwnj-verb-suffix': '«ام»، «ای»، «ایم»، «اید» و «اند» را پس از «ه» ناملفوظ با نیم‌فاصله بچسبانید: رفته‌اند، نامه‌ای.',
  'detached-suffix':
    'اگر «ام»، «ای»، «اند»… شناسهٔ فعل یا «ی» نکره است، آن را با نیم‌فاصله بچسبانید: ایرانی‌اند. «ای» ندا (ای مردم) جدا می‌ماند.',
  'persian-punctuation': 'در جملهٔ فارسی ویرگول، نقطه‌ویرگول و علامت پرسش فارسی (، ؛ ؟) بنویسید.',
  'repeated-marks': 'یک علامت تعجب یا پرسش بس است: «!» نه «!!!».',
  'punctuation-spacing': 'پیش از «، ؛ : ؟ ! .» فاصله نگذارید و پس از آن‌ها یک فاصله بگذارید.',
  'bracket-spacing': 'درون پرانتز و گیومه فاصله نگذارید و بیرون آن‌ها یک فاصله بگذارید.',
  'persian-digits': 'عددها را در متن فارسی با رقم فارسی بنویسید: ۱۴۰۳.',
  'number-separators': 'میان رقم‌های فارسی، ممیز «٫» و جداکنندهٔ هزارگان «٬» بگذارید، نه نقطه و ویرگول لاتین.',
  'unclear-number':
    'این عدد را دو جور می‌شود خواند. اگر اعشاری است (دوازده و نیم) با «٫» بنویسید: ۱۲٫۵؛ اگر هزارگان است، رقمی جا افتاده است؛ شمارهٔ نسخه را همان‌طور بگذارید.',
  'percent-sign': 'پس از رقم فارسی نشانهٔ درصد فارسی «٪» را بگذارید، بی فاصله.',
  'double-space': 'میان واژه‌ها یک فاصله بس است.',
};
