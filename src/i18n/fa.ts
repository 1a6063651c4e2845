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
    'با خوراک‌خوان (RSS) تازه‌ترین خبرهای سایت، هر گروه خبری یا هر نویسنده را دنبال کنید. نشانی خوراک را در برنامهٔ خوراک‌خوان خود وارد کنید.',
  siteFeed: 'همهٔ خبرها',
  categoryFeeds: 'گروه‌های خبری',
  authorFeeds: 'نویسندگان',
  feedPreviewNote:
    'این یک خوراک خبری است. نشانی این صفحه را در خوراک‌خوان خود وارد کنید تا خبرهای تازه را دریافت کنید.',
  allRightsNote: 'نقل خبرها با ذکر منبع آزاد است.',
} as const;

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
