/**
 * The web editor's Persian text (/admin/, src/lib/cms/): a label and a hint for every frontmatter
 * field of an article, and the words of Bayegan's own editor widgets. Beside fa.ts because the
 * editor is its own interface; the field keys are the schema's, so TypeScript and
 * tests/unit/cms-config.test.ts refuse a schema field without its Persian label.
 */
import type { ArticleFieldName } from '#lib/content/schema.ts';

export interface FieldText {
  label: string;
  hint: string;
}

/** Every article field, by its frontmatter name. */
export const articleFieldText: Record<ArticleFieldName, FieldText> = {
  id: {
    label: 'شناسهٔ خبر',
    hint: 'شمارهٔ دائمی خبر در نشانی /news/<شناسه>/؛ ویرایشگر شمارهٔ آزاد بعدی را خودش می‌گذارد.',
  },
  title: { label: 'تیتر', hint: 'تیتر خبر، همان‌طور که خواننده می‌بیند.' },
  lead: { label: 'لید', hint: 'خلاصهٔ یک یا دو جمله‌ای خبر؛ در فهرست‌ها، خوراک‌ها و توضیح صفحه می‌آید.' },
  date: {
    label: 'تاریخ انتشار',
    hint: 'به تقویم هجری شمسی و به وقت تهران، مثل ۱۴۰۵/۰۹/۱۰ ۱۴:۳۰؛ پوشهٔ خبر از همین تاریخ ساخته می‌شود.',
  },
  updated: { label: 'تاریخ به‌روزرسانی', hint: 'آخرین تغییر مهم خبر، به همان شکل تاریخ انتشار؛ اختیاری.' },
  category: { label: 'گروه خبری', hint: 'بخشی که خبر در آن منتشر می‌شود.' },
  tags: { label: 'برچسب‌ها', hint: 'برچسب‌های فارسی خبر؛ هر برچسب جدا.' },
  authors: { label: 'نویسندگان', hint: 'یک یا چند خبرنگار.' },
  image: {
    label: 'عکس اصلی',
    hint: 'عکس بالای خبر؛ در پوشهٔ images کنار فایل خبر ذخیره می‌شود.',
  },
  imageAlt: {
    label: 'توضیح عکس برای نابینایان',
    hint: 'آنچه در عکس دیده می‌شود، برای کسی که عکس را نمی‌بیند؛ با عکس اصلی لازم است.',
  },
  imageCredit: { label: 'عکاس', hint: 'نام عکاس؛ زیر عکس به شکل «عکس: …» می‌آید.' },
  imageCaption: { label: 'زیرنویس عکس', hint: 'عکس چه چیزی را، کجا و کی نشان می‌دهد.' },
  featured: { label: 'خبر ویژه', hint: 'در جعبهٔ «اخبار ویژه» صفحهٔ نخست می‌آید.' },
  breaking: { label: 'فوری', hint: 'برچسب «فوری» کنار تیتر.' },
  draft: { label: 'پیش‌نویس', hint: 'پیش‌نویس هرگز منتشر نمی‌شود؛ برای انتشار خاموشش کنید.' },
  comments: { label: 'دیدگاه خوانندگان', hint: 'آیا خوانندگان می‌توانند دیدگاه بفرستند.' },
  slug: {
    label: 'نامک نشانی',
    hint: 'بخش آخر نشانی خبر؛ اگر خالی بماند از نام فایل ساخته می‌شود. پس از انتشار تغییرش ندهید.',
  },
  source: { label: 'منبع', hint: 'ناشر اصلی خبری که بازنشر می‌شود؛ اختیاری.' },
  corrections: { label: 'اصلاحیه‌ها', hint: 'هر اصلاحیه با تاریخ و متن؛ در جعبهٔ «اصلاحیه» و صفحهٔ اصلاحیه‌ها می‌آید.' },
  live: { label: 'پوشش زنده', hint: 'صفحهٔ زنده با به‌روزرسانی‌های پیاپی، تازه‌ترین بالا.' },
  updates: { label: 'به‌روزرسانی‌های زنده', hint: 'هر به‌روزرسانی با تاریخ، تیتر کوتاه اختیاری و متن.' },
  liveEnded: { label: 'پایان پوشش زنده', hint: 'زمان پایان پوشش زنده؛ تنها فیلدی که آن را پایان می‌دهد.' },
};

/** Fields inside list items and the source. */
export const nestedFieldText = {
  sourceName: { label: 'نام منبع', hint: 'مثلاً خبرگزاری نمونه' },
  sourceUrl: { label: 'نشانی منبع', hint: 'نشانی کامل خبر اصلی، با https://؛ اختیاری.' },
  correctionDate: { label: 'تاریخ اصلاحیه', hint: 'به وقت تهران، مثل ۱۴۰۵/۰۹/۱۰ ۱۸:۰۰' },
  correctionText: { label: 'متن اصلاحیه', hint: 'چه چیزی نادرست بود و درستش چیست.' },
  updateDate: { label: 'زمان به‌روزرسانی', hint: 'به وقت تهران، مثل ۱۴۰۵/۰۹/۱۰ ۱۸:۴۰' },
  updateTitle: { label: 'تیتر کوتاه', hint: 'اختیاری' },
  updateText: { label: 'متن به‌روزرسانی', hint: 'بندها را با یک سطر خالی جدا کنید.' },
  body: { label: 'متن خبر', hint: 'متن خبر به مارک‌داون؛ میان‌تیترها با ##.' },
  folder: { label: 'پوشهٔ خبر', hint: 'سال و ماه انتشار؛ از تاریخ انتشار ساخته می‌شود، مثل npm run new.' },
} satisfies Record<string, FieldText>;

/** The editor's own words: page title, collection names, widget messages. */
export const editorText = {
  pageTitle: 'ویرایشگر بایگان',
  noScript: 'ویرایشگر به جاوااسکریپت نیاز دارد.',
  articles: 'خبرها',
  article: 'خبر',
  articlesDescription: 'خبرهای بایگان؛ هر خبر یک فایل مارک‌داون در پوشهٔ سال و ماه انتشارش.',
  nextIdLoading: 'در حال یافتن شناسهٔ آزاد…',
  nextIdFailed: 'شناسهٔ آزاد پیدا نشد؛ صفحه را دوباره باز کنید.',
  invalidDate: 'تاریخ خوانده نشد؛ مثل ۱۴۰۵/۰۹/۱۰ ۱۴:۳۰ بنویسید.',
  now: 'اکنون',
} as const;

/**
 * Corrections to Decap CMS's own Persian (its `fa` locale), merged over it when the editor starts:
 * strings that are wrong (a stray `}`) or read as machine translation.
 */
export const decapPhrases = {
  editor: {
    editorWidgets: {
      list: { add: 'افزودن %{item}', addType: 'افزودن %{item}' },
      markdown: { link: 'پیوند', bulletedList: 'فهرست نشانه‌دار', numberedList: 'فهرست شماره‌دار' },
      image: { choose: 'انتخاب عکس', chooseDifferent: 'عکس دیگر', remove: 'برداشتن عکس' },
    },
    editorToolbar: { publishNow: 'انتشار اکنون' },
  },
  mediaLibrary: {
    mediaLibraryModal: { chooseSelected: 'انتخاب همین', noAssetsFound: 'چیزی بارگذاری نشده است.' },
  },
} as const;
