/**
 * Site settings: the one file a newsroom edits to make Bayegan its own.
 * Every field is documented in `src/lib/site-config.ts`.
 */
import { defineSiteConfig } from './lib/site-config.ts';

export default defineSiteConfig({
  name: 'بایگان خبر',
  description:
    'بایگان خبر، نمونهٔ یک آرشیو خبری فارسی ساخته‌شده با بایگان: خبرهای سیاسی، اقتصادی، فرهنگی، ورزشی و علمی.',
  url: 'https://bayegan.example.org',
  comments: {
    // A Staticman instance (or a form service) that turns each submission into a pull request
    // the moderators merge. Remove the endpoint to hide the form.
    endpoint: 'https://comments.example.org/v3/entry/github/bayegan/archive/main/comments',
  },
  editor: {
    // The web editor at /admin/ commits to this repository (docs/editor.md).
    backend: 'github',
    repo: 'bayegan/archive',
    branch: 'main',
  },
  menus: {
    top: [
      { label: 'اخبار سایت', href: '/category/site/' },
      { label: 'خوراک‌ها', href: '/feeds/' },
      { label: 'تماس با ما', href: 'mailto:newsroom@example.org' },
    ],
    main: [
      { label: 'صفحهٔ نخست', href: '/' },
      { label: 'سیاسی', href: '/category/politics/' },
      { label: 'اقتصادی', href: '/category/economy/' },
      { label: 'اجتماعی', href: '/category/society/' },
      { label: 'فرهنگ و هنر', href: '/category/culture/' },
      { label: 'ورزشی', href: '/category/sport/' },
      { label: 'علم و فناوری', href: '/category/science/' },
    ],
    quickAccess: [
      { label: 'اخبار ویژه', href: '/#featured' },
      { label: 'تازه‌ترین خبرها', href: '/#latest' },
      { label: 'آرشیو', href: '/archive/' },
      { label: 'برچسب‌ها', href: '/tag/' },
      { label: 'نویسندگان', href: '/author/' },
    ],
  },
  home: {
    latestCount: 12,
    featuredCount: 5,
    siteNewsCategory: 'site',
    siteNewsCount: 5,
    sections: [
      { category: 'politics', count: 3 },
      { category: 'economy', count: 3 },
      { category: 'culture', count: 3 },
      { category: 'sport', count: 3 },
      { category: 'science', count: 3 },
    ],
    breakingHours: 24,
  },
  article: {
    relatedCount: 5,
  },
  dateLine: {
    // «امروز: دوشنبه ۹ آذر ۱۴۰۵ - ۲۰ جمادی‌الثانی ۱۴۴۸ - 30 November 2026»
    calendars: ['jalali', 'hijri', 'gregorian'],
    // Set to -1 or 1 when Iran's official lunar month began a day later or earlier than computed
    // (docs/reference.md#date-line).
    hijriOffsetDays: 0,
  },
  // A WebSub hub makes subscribers' readers fetch a new story in seconds (docs/operations.md#websub):
  // websub: { hub: 'https://pubsubhubbub.appspot.com/' },
  pageSize: 20,
});
