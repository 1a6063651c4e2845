import { describe, expect, it } from 'vitest';
import { defineSiteConfig, type SiteConfigInput } from '../../src/lib/site-config';
import siteConfig from '../../src/site.config';
import baseFixtureConfig from '../fixtures/base-site.config';
import searchFixtureConfig from '../fixtures/search-site.config';
import fixtureConfig from '../fixtures/site.config';

const minimal: SiteConfigInput = {
  name: 'بایگان خبر',
  description: 'یک آرشیو خبری',
  url: 'https://news.example.org',
};

/** The message defineSiteConfig throws for the input; fails the test when it does not throw. */
function errorOf(input: unknown): string {
  try {
    defineSiteConfig(input as SiteConfigInput);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('defineSiteConfig accepted the input');
}

const withMain = (href: string): SiteConfigInput => ({ ...minimal, menus: { main: [{ label: 'بخش', href }] } });

describe('defineSiteConfig', () => {
  it('fills every default from the minimal settings', () => {
    expect(defineSiteConfig(minimal)).toEqual({
      name: 'بایگان خبر',
      description: 'یک آرشیو خبری',
      url: 'https://news.example.org',
      base: '/',
      logo: '/logo.png',
      feeds: { itemCount: 50 },
      comments: {
        fields: {
          name: 'fields[name]',
          email: 'fields[email]',
          message: 'fields[body]',
          article: 'options[slug]',
          redirect: 'options[redirect]',
          redirectError: 'options[redirectError]',
          honeypot: 'fields[website]',
        },
      },
      menus: { top: [], main: [], quickAccess: [] },
      home: { latestCount: 12, featuredCount: 5, siteNewsCount: 5, sections: [], breakingHours: 24 },
      article: { relatedCount: 5 },
      search: { shardArticles: 5000, latestArticles: 100, recentArticles: 2000 },
      headers: { hsts: true },
      editor: { backend: 'github', branch: 'main' },
      dateLine: { calendars: ['jalali'], hijriOffsetDays: 0 },
      pageSize: 20,
    });
  });

  it('fills the missing parts of partly given groups', () => {
    const config = defineSiteConfig({
      ...minimal,
      menus: { top: [{ label: 'درباره', href: '/about/' }] },
      home: { latestCount: 8, siteNewsCategory: 'site', sections: [{ category: 'sport' }] },
      pageSize: 30,
    });
    expect(config.menus).toEqual({ top: [{ label: 'درباره', href: '/about/' }], main: [], quickAccess: [] });
    expect(config.home).toEqual({
      latestCount: 8,
      featuredCount: 5,
      siteNewsCategory: 'site',
      siteNewsCount: 5,
      sections: [{ category: 'sport', count: 4 }],
      breakingHours: 24,
    });
    expect(config.pageSize).toBe(30);
  });

  it('refuses a latest search shard larger than the recent one, naming the setting', () => {
    expect(errorOf({ ...minimal, search: { latestArticles: 500, recentArticles: 200 } })).toMatch(
      /search\.latestArticles: latestArticles must not be larger than recentArticles/,
    );
  });

  it('turns Strict-Transport-Security off only with a real false, refusing misspelt header settings', () => {
    expect(defineSiteConfig({ ...minimal, headers: { hsts: false } }).headers.hsts).toBe(false);
    expect(errorOf({ ...minimal, headers: { hsts: 'false' } })).toContain('  - headers.hsts:');
    expect(errorOf({ ...minimal, headers: { hts: false } })).toContain(
      '  - headers.hts: is not a field of the headers settings. Did you mean "hsts"? The fields are: hsts.',
    );
  });

  it('shows the Jalali date first and always, other calendars only when asked, each once', () => {
    const dateLine = { calendars: ['jalali' as const, 'hijri' as const, 'gregorian' as const], hijriOffsetDays: -1 };
    expect(defineSiteConfig({ ...minimal, dateLine }).dateLine).toEqual(dateLine);
    expect(defineSiteConfig({ ...minimal, dateLine: { calendars: ['jalali', 'gregorian'] } }).dateLine).toEqual({
      calendars: ['jalali', 'gregorian'],
      hijriOffsetDays: 0,
    });
    expect(errorOf({ ...minimal, dateLine: { calendars: ['hijri', 'jalali'] } })).toContain(
      "  - dateLine.calendars: must start with 'jalali'",
    );
    expect(errorOf({ ...minimal, dateLine: { calendars: [] } })).toContain(
      "  - dateLine.calendars: must start with 'jalali'",
    );
    expect(errorOf({ ...minimal, dateLine: { calendars: ['jalali', 'hijri', 'hijri'] } })).toContain(
      '  - dateLine.calendars: names a calendar twice',
    );
    expect(errorOf({ ...minimal, dateLine: { calendars: ['jalali', 'qamari'] } })).toContain(
      '  - dateLine.calendars.1:',
    );
    expect(errorOf({ ...minimal, dateLine: { hijriOffsetDays: 3 } })).toContain('  - dateLine.hijriOffsetDays:');
    expect(errorOf({ ...minimal, dateLine: { hijriOffsetDays: 0.5 } })).toContain('  - dateLine.hijriOffsetDays:');
    expect(errorOf({ ...minimal, dateLine: { hijriOffset: 1 } })).toContain(
      '  - dateLine.hijriOffset: is not a field of the date line settings. The fields are: calendars, hijriOffsetDays.',
    );
  });

  it('takes a WebSub hub as a full http(s) address, and none by default', () => {
    expect(defineSiteConfig(minimal).websub).toBeUndefined();
    expect(defineSiteConfig({ ...minimal, websub: { hub: 'https://websubhub.com/hub' } }).websub).toEqual({
      hub: 'https://websubhub.com/hub',
    });
    expect(errorOf({ ...minimal, websub: { hub: 'websubhub.com/hub' } })).toContain(
      '  - websub.hub: must be the full address of the WebSub hub',
    );
    expect(errorOf({ ...minimal, websub: {} })).toContain('  - websub.hub:');
    expect(errorOf({ ...minimal, websub: { hubs: ['https://websubhub.com/hub'] } })).toContain(
      '  - websub.hubs: is not a field of the WebSub settings',
    );
  });

  it('accepts site paths, http(s) URLs and mailto: links in menus, trimmed', () => {
    const links = [
      { label: 'اقتصادی', href: '/category/economy/' },
      { label: 'بیرونی', href: 'https://example.org/page' },
      { label: 'بیرونی', href: 'http://example.org/' },
      { label: 'تماس', href: 'mailto:newsroom@example.org' },
      { label: ' تازه ', href: ' /#latest ' },
    ];
    const config = defineSiteConfig({ ...minimal, menus: { main: links } });
    expect(config.menus.main.map((link) => link.href)).toEqual([
      '/category/economy/',
      'https://example.org/page',
      'http://example.org/',
      'mailto:newsroom@example.org',
      '/#latest',
    ]);
    expect(config.menus.main[4]!.label).toBe('تازه');
  });

  it('rejects a javascript: link, naming the menu entry', () => {
    const message = errorOf(withMain('javascript:alert(1)'));
    expect(message.startsWith('src/site.config.ts has settings to fix')).toBe(true);
    expect(message).toContain(
      '  - menus.main.0.href: must be a site path starting with one "/", a full http(s) URL or a mailto: address',
    );
  });

  it('rejects a protocol-relative link that would leave the site', () => {
    expect(errorOf(withMain('//evil.example/'))).toContain(
      'menus.main.0.href: must be a site path starting with one "/"',
    );
  });

  it('rejects a relative link without the leading slash', () => {
    const message = errorOf({
      ...minimal,
      menus: {
        quickAccess: [
          { label: 'الف', href: '/ok/' },
          { label: 'ب', href: 'category/x' },
        ],
      },
    });
    expect(message).toContain('menus.quickAccess.1.href:');
    expect(message).not.toContain('menus.quickAccess.0.href');
  });

  it('rejects an empty menu label', () => {
    expect(errorOf({ ...minimal, menus: { top: [{ label: '  ', href: '/' }] } })).toContain('menus.top.0.label:');
  });

  it('rejects a site url that is not a full http(s) address', () => {
    for (const url of ['ftp://x', 'not a url']) {
      const message = errorOf({ ...minimal, url });
      expect(message.startsWith('src/site.config.ts has settings to fix')).toBe(true);
      expect(message).toContain('  - url: must be the full public address, like https://news.example.org');
    }
  });

  it('takes a base path of URL-safe folder names, trimmed', () => {
    for (const base of ['/', '/archive/', '/org/bayegan-archive/', '/v1.2_old~/']) {
      expect(defineSiteConfig({ ...minimal, base }).base).toBe(base);
    }
    expect(defineSiteConfig({ ...minimal, base: ' /archive/ ' }).base).toBe('/archive/');
  });

  it('refuses a base that does not start and end with "/" or is not plain ASCII folder names', () => {
    for (const base of ['archive/', '/archive', 'archive', '', '//', '/a//b/', '/بایگان/', '/my archive/', '/a/../']) {
      expect(errorOf({ ...minimal, base }), base).toContain(
        '  - base: must start and end with "/", with folder names of letters, digits, "-", "_", "." or "~" between, like /archive/',
      );
    }
  });

  it('keeps only the origin of url: a trailing slash, or a path that is the base, is dropped', () => {
    expect(defineSiteConfig({ ...minimal, url: 'https://news.example.org/' }).url).toBe('https://news.example.org');
    const project = defineSiteConfig({ ...minimal, url: 'https://org.github.io/repo/', base: '/repo/' });
    expect([project.url, project.base]).toEqual(['https://org.github.io', '/repo/']);
    expect(defineSiteConfig({ ...minimal, url: 'https://org.github.io/repo', base: '/repo/' }).url).toBe(
      'https://org.github.io',
    );
  });

  it('refuses a url whose path is not the base, saying where the path goes', () => {
    expect(errorOf({ ...minimal, url: 'https://org.github.io/repo/' })).toContain(
      "  - url: has the path /repo/ but base is /: write the origin as url (https://org.github.io) and the path as base (base: '/repo/')",
    );
    expect(errorOf({ ...minimal, url: 'https://example.org/news/', base: '/archive/' })).toContain(
      '  - url: has the path /news/ but base is /archive/',
    );
    expect(errorOf({ ...minimal, url: 'https://example.org/?lang=fa' })).toContain(
      '  - url: must be the address alone, without "?" or "#", like https://example.org',
    );
  });

  it('rejects a page size of zero and non-whole counts', () => {
    expect(errorOf({ ...minimal, pageSize: 0 })).toContain('  - pageSize:');
    expect(errorOf({ ...minimal, home: { latestCount: 2.5 } })).toContain('  - home.latestCount:');
    expect(errorOf({ ...minimal, home: { featuredCount: -1 } })).toContain('  - home.featuredCount:');
  });

  it('lists every wrong setting, one per line', () => {
    const message = errorOf({ ...withMain('javascript:alert(1)'), url: 'ftp://x', pageSize: 0, name: '' });
    const lines = message.split('\n');
    expect(lines[0]).toBe('src/site.config.ts has settings to fix:');
    const paths = lines.slice(1).map((line) => line.replace(/^ {2}- ([^:]+):.*$/, '$1'));
    expect(paths.sort()).toEqual(['menus.main.0.href', 'name', 'pageSize', 'url']);
  });

  it('names a missing required setting', () => {
    const message = errorOf({ name: 'بایگان', url: 'https://news.example.org' });
    expect(message).toContain('  - description:');
  });
});

describe('defineSiteConfig refuses settings it does not know, like frontmatter', () => {
  it('names a misspelt top-level setting and the one it likely meant', () => {
    const message = errorOf({ ...minimal, pagesize: 30 });
    expect(message.split('\n')).toEqual([
      'src/site.config.ts has settings to fix:',
      '  - pagesize: is not a field of the site settings. Did you mean "pageSize"? The fields are: name, description, url, base, logo, feeds, websub, dateLine, comments, menus, home, article, search, headers, editor, pageSize.',
    ]);
  });

  it('names a misspelt nested setting by its whole path, at every depth', () => {
    expect(errorOf({ ...minimal, search: { shardArticle: 4 } })).toContain(
      '  - search.shardArticle: is not a field of the search settings. Did you mean "shardArticles"? The fields are: shardArticles, latestArticles, recentArticles.',
    );
    expect(errorOf({ ...minimal, comments: { fields: { mesage: 'fields[text]' } } })).toContain(
      '  - comments.fields.mesage: is not a field of the comment form fields. Did you mean "message"?',
    );
    expect(errorOf({ ...minimal, menus: { main: [{ lable: 'بخش', href: '/' }] } })).toContain(
      '  - menus.main.0.lable: is not a field of a menu link. Did you mean "label"?',
    );
    expect(errorOf({ ...minimal, home: { sections: [{ category: 'sport', cont: 2 }] } })).toContain(
      '  - home.sections.0.cont: is not a field of a home page section. Did you mean "count"?',
    );
  });

  it('lists the settings without a guess when nothing is close', () => {
    const message = errorOf({ ...minimal, darkMode: true, home: { carousel: true } });
    expect(message).toContain('  - darkMode: is not a field of the site settings. The fields are: name, description,');
    expect(message).toContain(
      '  - home.carousel: is not a field of the home page settings. The fields are: latestCount,',
    );
    expect(message).not.toContain('Did you mean');
  });

  it('reports a misspelt required setting next to the missing one', () => {
    const message = errorOf({ name: 'بایگان', descripton: 'یک آرشیو', url: 'https://news.example.org' });
    expect(message).toContain('  - description:');
    expect(message).toContain('  - descripton: is not a field of the site settings. Did you mean "description"?');
  });

  it('is a type error too, so npm run typecheck flags it in the editor', () => {
    // @ts-expect-error -- the misspelling under test; an unused directive fails the typecheck.
    expect(() => defineSiteConfig({ ...minimal, pagesize: 30 })).toThrow(/Did you mean "pageSize"/);
    // @ts-expect-error -- nested too.
    expect(() => defineSiteConfig({ ...minimal, search: { shardArticle: 4 } })).toThrow(/search\.shardArticle/);
  });
});

describe('every site settings file of the repository loads', () => {
  it('the test fixtures, which the builds of the tests read through BAYEGAN_SITE_CONFIG', () => {
    expect(fixtureConfig.pageSize).toBe(3);
    expect(baseFixtureConfig.base).toBe('/newsroom/bayegan/');
    expect(searchFixtureConfig.search).toEqual({ shardArticles: 4, latestArticles: 4, recentArticles: 10 });
  });
});

describe('src/site.config.ts', () => {
  it('loads, with a name and an https url', () => {
    expect(siteConfig.name.trim().length).toBeGreaterThan(0);
    expect(siteConfig.description.length).toBeGreaterThan(0);
    expect(new URL(siteConfig.url).protocol).toBe('https:');
    expect(siteConfig.pageSize).toBeGreaterThan(0);
  });

  it('has only valid menu links', () => {
    const links = [...siteConfig.menus.top, ...siteConfig.menus.main, ...siteConfig.menus.quickAccess];
    for (const link of links) expect(link.href).toMatch(/^(\/|https?:\/\/|mailto:)/);
  });
});
