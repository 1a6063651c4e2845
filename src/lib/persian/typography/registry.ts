import { ZWNJ, ZWNJ_STAND_INS } from '#lib/persian/script.ts';

/**
 * Every typography rule: its id, whether it is safe to apply without asking (`safe`: applied by
 * `check:content --fix --write` and `import:legacy`) or only a suggestion a person must decide on
 * (`suggestion`: reported with the proposed text, never applied), and one example. The examples are
 * run through the fixer by the unit tests and quoted in the reporters' guide (docs/typography.md),
 * so the table there is what the rules do. The advice shown with each rule is in src/i18n/fa.ts.
 */
export const TYPOGRAPHY_RULE_IDS = [
  'arabic-letters',
  'non-persian-letters',
  'soft-hyphen',
  'heh-ezafe',
  'diacritics',
  'tatweel',
  'dashes',
  'ellipsis',
  'persian-quotes',
  'zwnj-prefix',
  'bi-prefix',
  'zwnj-suffix',
  'detached-comparative',
  'zwnj-verb-suffix',
  'detached-suffix',
  'persian-punctuation',
  'repeated-marks',
  'punctuation-spacing',
  'bracket-spacing',
  'persian-digits',
  'number-separators',
  'unclear-number',
  'percent-sign',
  'double-space',
] as const;

export type TypographyRule = (typeof TYPOGRAPHY_RULE_IDS)[number];
export type Safety = 'safe' | 'suggestion';

export interface RuleEntry {
  id: TypographyRule;
  safety: Safety;
  /** A line of prose as a reporter may write it, and as the rule corrects (or proposes to correct) it. */
  example: { before: string; after: string };
}

const Z = ZWNJ;

export const TYPOGRAPHY_RULES: readonly RuleEntry[] = [
  { id: 'arabic-letters', safety: 'safe', example: { before: 'كتاب علي و مدرسة', after: 'کتاب علی و مدرسه' } },
  { id: 'non-persian-letters', safety: 'safe', example: { before: 'کتابخانہ و ڪتاب', after: 'کتابخانه و کتاب' } },
  { id: 'soft-hyphen', safety: 'safe', example: { before: `کتاب${ZWNJ_STAND_INS[0]}ها`, after: `کتاب${Z}ها` } },
  {
    id: 'heh-ezafe',
    safety: 'safe',
    example: { before: 'خانه ی ما و نامهء او و خانۀ شما', after: 'خانهٔ ما و نامهٔ او و خانهٔ شما' },
  },
  { id: 'diacritics', safety: 'safe', example: { before: 'عِِلم و کتاب ِ او', after: 'عِلم و کتابِ او' } },
  { id: 'tatweel', safety: 'safe', example: { before: 'بیـــشتر', after: 'بیشتر' } },
  { id: 'dashes', safety: 'safe', example: { before: 'تهران -- ایرنا ـ خبر', after: 'تهران – ایرنا – خبر' } },
  { id: 'ellipsis', safety: 'safe', example: { before: 'کتاب، دفتر و ...', after: 'کتاب، دفتر و…' } },
  { id: 'persian-quotes', safety: 'safe', example: { before: 'او گفت "نه" و رفت', after: 'او گفت «نه» و رفت' } },
  { id: 'zwnj-prefix', safety: 'safe', example: { before: 'می شود و نمیکند', after: `می${Z}شود و نمی${Z}کند` } },
  { id: 'bi-prefix', safety: 'suggestion', example: { before: 'رشد بی رویه', after: `رشد بی${Z}رویه` } },
  {
    id: 'zwnj-suffix',
    safety: 'safe',
    example: { before: 'کتاب ها و حوزههای بزرگ تری', after: `کتاب${Z}ها و حوزه${Z}های بزرگ${Z}تری` },
  },
  {
    id: 'detached-comparative',
    safety: 'suggestion',
    example: { before: 'تغییر محسوس تر شد', after: 'تغییر محسوس‌تر شد' },
  },
  {
    id: 'zwnj-verb-suffix',
    safety: 'safe',
    example: { before: 'رفته اند و نامه ای نوشته ام', after: `رفته${Z}اند و نامه${Z}ای نوشته${Z}ام` },
  },
  { id: 'detached-suffix', safety: 'suggestion', example: { before: 'آنان ایرانی اند', after: `آنان ایرانی${Z}اند` } },
  {
    id: 'persian-punctuation',
    safety: 'safe',
    example: { before: 'تهران, اصفهان; چرا?', after: 'تهران، اصفهان؛ چرا؟' },
  },
  { id: 'repeated-marks', safety: 'safe', example: { before: 'چرا؟؟؟ عجب!!!', after: 'چرا؟ عجب!' } },
  {
    id: 'punctuation-spacing',
    safety: 'safe',
    example: { before: 'گفت :او آمد ، اما رفت .', after: 'گفت: او آمد، اما رفت.' },
  },
  {
    id: 'bracket-spacing',
    safety: 'safe',
    example: { before: 'سازمان( یونسکو )اعلام کرد', after: 'سازمان (یونسکو) اعلام کرد' },
  },
  {
    id: 'persian-digits',
    safety: 'safe',
    example: { before: 'در سال 1403 نرخ 2.5 بود', after: 'در سال ۱۴۰۳ نرخ ۲٫۵ بود' },
  },
  {
    id: 'number-separators',
    safety: 'safe',
    example: { before: 'قیمت ۱۲,۵۰۰ و نرخ ۲.۵', after: 'قیمت ۱۲٬۵۰۰ و نرخ ۲٫۵' },
  },
  { id: 'unclear-number', safety: 'suggestion', example: { before: 'وزن 12,5 تن', after: 'وزن ۱۲٫۵ تن' } },
  { id: 'percent-sign', safety: 'safe', example: { before: 'رشد ۱۲ % بود', after: 'رشد ۱۲٪ بود' } },
  { id: 'double-space', safety: 'safe', example: { before: 'این  متن   است', after: 'این متن است' } },
];

/** Each rule's entry, by id. */
export const RULE_BY_ID = new Map(TYPOGRAPHY_RULES.map((rule) => [rule.id, rule]));

/** Whether a rule may be applied without asking. */
export function isSafe(rule: TypographyRule): boolean {
  return RULE_BY_ID.get(rule)?.safety === 'safe';
}
