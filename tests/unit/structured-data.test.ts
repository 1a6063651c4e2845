import { describe, expect, it } from 'vitest';
import {
  breadcrumbListJsonLd,
  headlineOf,
  jsonLdText,
  newsArticleJsonLd,
  webSiteJsonLd,
  type Publisher,
} from '../../src/lib/structured-data';
import { ZWNJ } from '../../src/lib/persian/script';

const SITE = 'https://khabar.example.ir';

const publisher: Publisher = { name: 'بایگان', url: `${SITE}/`, logoUrl: `${SITE}/logo.png` };
const expectedPublisher = {
  '@type': 'NewsMediaOrganization',
  name: 'بایگان',
  url: `${SITE}/`,
  logo: { '@type': 'ImageObject', url: `${SITE}/logo.png` },
};

type ArticleInput = Parameters<typeof newsArticleJsonLd>[0];

function article(extra: Partial<ArticleInput> = {}): ArticleInput {
  return {
    url: `${SITE}/news/42/`,
    headline: `تیتر خبر می${ZWNJ}شود`,
    description: 'لید خبر',
    images: [
      { url: `${SITE}/media/42-16x9.jpg`, width: 1600, height: 900, caption: 'ورودی بازار', credit: 'علی رضایی' },
      { url: `${SITE}/media/42-4x3.jpg` },
    ],
    datePublished: new Date('2019-08-01T05:45:00Z'),
    dateModified: new Date('2024-11-22T21:00:00Z'),
    authors: [
      { name: 'مریم احمدی', url: `${SITE}/author/maryam/` },
      { name: 'علی رضایی', url: `${SITE}/author/ali/` },
    ],
    section: 'سیاست',
    keywords: ['انتخابات', 'مجلس'],
    publisher,
    ...extra,
  };
}

describe('newsArticleJsonLd', () => {
  it('describes a NewsArticle with every field', () => {
    expect(newsArticleJsonLd(article())).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/news/42/` },
      url: `${SITE}/news/42/`,
      headline: `تیتر خبر می${ZWNJ}شود`,
      description: 'لید خبر',
      image: [
        {
          '@type': 'ImageObject',
          url: `${SITE}/media/42-16x9.jpg`,
          contentUrl: `${SITE}/media/42-16x9.jpg`,
          width: 1600,
          height: 900,
          caption: 'ورودی بازار',
          creditText: 'علی رضایی',
        },
        { '@type': 'ImageObject', url: `${SITE}/media/42-4x3.jpg`, contentUrl: `${SITE}/media/42-4x3.jpg` },
      ],
      datePublished: '2019-08-01T10:15:00+04:30',
      dateModified: '2024-11-23T00:30:00+03:30',
      author: [
        { '@type': 'Person', name: 'مریم احمدی', url: `${SITE}/author/maryam/` },
        { '@type': 'Person', name: 'علی رضایی', url: `${SITE}/author/ali/` },
      ],
      articleSection: 'سیاست',
      keywords: ['انتخابات', 'مجلس'],
      inLanguage: 'fa',
      publisher: expectedPublisher,
    });
  });

  it('writes dates as ISO 8601 with the Tehran offset of each instant', () => {
    const data = newsArticleJsonLd(article());
    expect(data.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[34]:30$/);
    expect(new Date(data.datePublished).getTime()).toBe(Date.parse('2019-08-01T05:45:00Z'));
    expect(new Date(data.dateModified).getTime()).toBe(Date.parse('2024-11-22T21:00:00Z'));
  });

  it('uses datePublished as dateModified when there was no modification', () => {
    const data = newsArticleJsonLd(article({ dateModified: undefined }));
    expect(data.datePublished).toBe('2019-08-01T10:15:00+04:30');
    expect(data.dateModified).toBe('2019-08-01T10:15:00+04:30');

    const withoutKey: ArticleInput = article();
    delete withoutKey.dateModified;
    expect(newsArticleJsonLd(withoutKey).dateModified).toBe('2019-08-01T10:15:00+04:30');
  });

  it('omits image and keywords when there are none', () => {
    const data = newsArticleJsonLd(article({ images: [], keywords: [] }));
    expect(data).not.toHaveProperty('image');
    expect(data).not.toHaveProperty('keywords');
    expect(data.headline).toBe(`تیتر خبر می${ZWNJ}شود`);
  });

  it('keeps a single image as an array', () => {
    expect(newsArticleJsonLd(article({ images: [{ url: `${SITE}/a.jpg` }] })).image).toEqual([
      { '@type': 'ImageObject', url: `${SITE}/a.jpg`, contentUrl: `${SITE}/a.jpg` },
    ]);
  });

  it('gives an empty author list when there are no authors', () => {
    expect(newsArticleJsonLd(article({ authors: [] })).author).toEqual([]);
  });
});

describe('breadcrumbListJsonLd', () => {
  it('numbers the items from 1 in order, each with name and absolute URL', () => {
    const trail = [
      { name: 'خانه', url: `${SITE}/` },
      { name: 'سیاست', url: `${SITE}/section/politics/` },
      { name: 'تیتر', url: `${SITE}/news/42/` },
    ];
    expect(breadcrumbListJsonLd(trail)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'خانه', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: 'سیاست', item: `${SITE}/section/politics/` },
        { '@type': 'ListItem', position: 3, name: 'تیتر', item: `${SITE}/news/42/` },
      ],
    });
  });

  it('gives positions 1..n for a long trail', () => {
    const trail = Array.from({ length: 12 }, (_, i) => ({ name: `سطح ${i}`, url: `${SITE}/${i}/` }));
    const positions = breadcrumbListJsonLd(trail).itemListElement.map((element) => element.position);
    expect(positions).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});

describe('webSiteJsonLd', () => {
  it('describes the site, its publisher and a SearchAction', () => {
    const template = `${SITE}/search/?q={search_term_string}`;
    expect(
      webSiteJsonLd({
        name: 'بایگان',
        url: `${SITE}/`,
        description: 'آرشیو خبر',
        searchUrlTemplate: template,
        publisher,
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: 'بایگان',
      url: `${SITE}/`,
      description: 'آرشیو خبر',
      inLanguage: 'fa',
      publisher: expectedPublisher,
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: template },
        'query-input': 'required name=search_term_string',
      },
    });
  });
});

describe('jsonLdText', () => {
  it('escapes every < so "</script>" in a headline cannot end the script element', () => {
    const data = newsArticleJsonLd(article({ headline: '</script><script>alert(1)</script> <!-- x' }));
    const text = jsonLdText(data);
    expect(text).not.toContain('<');
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).toContain('\\u003c/script>');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('escapes U+2028 and U+2029', () => {
    const data = { headline: 'یک\u2028دو\u2029سه' };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toBe('{"headline":"یک\\u2028دو\\u2029سه"}');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('parses back to exactly the original object', () => {
    const data = {
      ...newsArticleJsonLd(
        article({
          headline: `a < b > c & "d" 'e' \\ / </SCRIPT > ${ZWNJ} \u2028\u2029 \t\n 😀`,
          description: '<<<>>> <\u2028<',
        }),
      ),
      extra: { n: 1.5, yes: true, none: null, list: [1, '<', []] },
    };
    const text = jsonLdText(data);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toStrictEqual(data);
    expect(jsonLdText(breadcrumbListJsonLd([{ name: '<b>', url: `${SITE}/` }]))).not.toContain('<');
  });

  it('leaves text without special characters as plain JSON', () => {
    const data = { name: `بایگان${ZWNJ}ها`, n: 2 };
    expect(jsonLdText(data)).toBe(JSON.stringify(data));
  });
});

describe('corrections and live coverage', () => {
  it('carries corrections as schema.org CorrectionComment, and none when there is none', () => {
    const ld = newsArticleJsonLd(
      article({ corrections: [{ date: new Date('2024-11-23T06:00:00Z'), text: 'نام درست شد.' }] }),
    ) as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['correction']).toEqual([
      { '@type': 'CorrectionComment', text: 'نام درست شد.', datePublished: '2024-11-23T09:30:00+03:30' },
    ]);
    expect(newsArticleJsonLd(article({ corrections: [] }))).not.toHaveProperty('correction');
  });

  it('makes a live page a LiveBlogPosting with its coverage times and updates', () => {
    const update = {
      url: `${SITE}/news/42/#update-14030903-1000`,
      headline: 'تیتر',
      date: new Date('2024-11-23T06:30:00Z'),
      text: 'متن',
    };
    const live = newsArticleJsonLd(
      article({ live: { start: new Date('2024-11-23T04:30:00Z'), updates: [update] } }),
    ) as Record<string, unknown>;
    expect(live['@type']).toBe('LiveBlogPosting');
    expect(live['coverageStartTime']).toBe('2024-11-23T08:00:00+03:30');
    expect(live).not.toHaveProperty('coverageEndTime');
    expect(live['liveBlogUpdate']).toEqual([
      {
        '@type': 'BlogPosting',
        url: update.url,
        headline: 'تیتر',
        datePublished: '2024-11-23T10:00:00+03:30',
        articleBody: 'متن',
      },
    ]);
    const ended = newsArticleJsonLd(
      article({
        live: { start: new Date('2024-11-23T04:30:00Z'), end: new Date('2024-11-23T16:30:00Z'), updates: [] },
      }),
    ) as Record<string, unknown>;
    expect(ended['coverageEndTime']).toBe('2024-11-23T20:00:00+03:30');
  });

  it('cuts an untitled update to a headline of at most 110 characters, at a space', () => {
    expect(headlineOf('  کوتاه\nو ساده ')).toBe('کوتاه و ساده');
    const long = 'واژه '.repeat(40);
    const headline = headlineOf(long);
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(headline).toMatch(/^(واژه )*واژه…$/);
  });
});
