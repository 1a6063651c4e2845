/** Every piece of interface text the site shows, in one place. */
export const ui = {
  skipToContent: 'پرش به محتوای اصلی',
  today: 'امروز',
  topMenu: 'منوی بالا',
  mainMenu: 'منوی اصلی',
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
  page: 'صفحه',
  previousPage: 'صفحهٔ قبل',
  nextPage: 'صفحهٔ بعد',
  notFoundTitle: 'صفحه پیدا نشد',
  notFoundText: 'نشانی‌ای که باز کرده‌اید در این سایت نیست؛ شاید جابه‌جا شده یا نادرست نوشته شده باشد.',
  backHome: 'بازگشت به صفحهٔ نخست',
  footerArchive: 'آرشیو خبری ساخته‌شده با بایگان',
  allRightsNote: 'نقل خبرها با ذکر منبع آزاد است.',
} as const;

/** «صفحهٔ ۲» */
export const pageLabel = (pageNumber: string) => `${ui.page} ${pageNumber}`;
