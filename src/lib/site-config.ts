/**
 * The typed site settings a newsroom edits in `src/site.config.ts`. Validated once, with messages
 * that name the setting, when Astro loads its config. Every group is strict, as frontmatter is: a
 * misspelt setting (`pagesize:`) is an error naming the setting it likely meant, never silently
 * ignored (which would leave the default in place without a word).
 */
import { z } from 'astro/zod';
import { strictFields } from './content/fields.ts';
import { DATE_LINE_CALENDARS } from './dates/date-line.ts';

const menuLinkSchema = strictFields(
  {
    /** Persian label shown in the menu. */
    label: z.string().trim().min(1),
    /** A site path starting with `/` (e.g. `/category/economy/`) or a full URL. */
    href: z
      .string()
      .trim()
      .refine((href) => /^\/(?!\/)/.test(href) || /^(https?:\/\/|mailto:)/.test(href), {
        message: 'must be a site path starting with one "/", a full http(s) URL or a mailto: address',
      }),
  },
  'a menu link',
);

export const siteConfigSchema = strictFields(
  {
    /** The site's name as shown in the header, titles and feeds. */
    name: z.string().trim().min(1),
    /** One sentence about the site, used as the home page description. */
    description: z.string().trim().min(1),
    /**
     * The public origin of the site, e.g. `https://news.example.org`. Absolute URLs (canonical, feeds,
     * sitemaps, structured data) are `url` + `base` + the page's path. A path here is accepted only
     * when it is the `base` itself (`https://org.github.io/repo/` with `base: '/repo/'`), and dropped.
     */
    url: z.url({ protocol: /^https?$/, error: 'must be the full public address, like https://news.example.org' }),
    /**
     * The path the site is published under, `/` at the root of its domain, e.g. `/archive/` for
     * `https://example.org/archive/` or `/<repo>/` for a GitHub Pages project site. Every link of the
     * site starts with it (links stay relative to the domain, so a mirror on another domain works).
     */
    base: z
      .string()
      .trim()
      .regex(/^\/(?:(?!\.{1,2}\/)[A-Za-z0-9._~-]+\/)*$/, {
        error:
          'must start and end with "/", with folder names of letters, digits, "-", "_", "." or "~" between, like /archive/ (or / at the root of the domain)',
      })
      .default('/'),
    /**
     * The site's logo, a path under `public/` (a square PNG of at least 144 px): feeds and structured
     * data use it. Written without the base, which is added.
     */
    logo: z
      .string()
      .trim()
      .startsWith('/', { error: 'must be a path under public/ starting with "/", like /logo.png' })
      .default('/logo.png'),
    /** RSS and JSON feeds (a site feed, one per section and one per reporter, in both formats). */
    feeds: strictFields(
      {
        /** How many of the newest articles each feed carries. */
        itemCount: z.number().int().positive().default(50),
      },
      'the feeds settings',
    ).prefault({}),
    /**
     * WebSub (docs/operations.md#websub): a hub that feed readers subscribe to, told by the deploy
     * when a feed changed, so subscribers get a new story in seconds instead of at their next poll.
     * Every feed then names the hub (RSS `atom:link rel="hub"`, JSON Feed `hubs`). None: no hub.
     */
    websub: strictFields(
      {
        /** The hub's address, e.g. `https://pubsubhubbub.appspot.com/` or `https://websubhub.com/hub`. */
        hub: z.url({
          protocol: /^https?$/,
          error: 'must be the full address of the WebSub hub, like https://websubhub.com/hub',
        }),
      },
      'the WebSub settings',
    ).optional(),
    /**
     * The date line in the header, «امروز: دوشنبه ۹ آذر ۱۴۰۵ - ۲۰ جمادی‌الثانی ۱۴۴۸ - 30 November
     * 2026»: the reader's day in Tehran (docs/reference.md#date-line).
     */
    dateLine: strictFields(
      {
        /**
         * The calendars shown, in this order: `jalali` always and first, then `hijri` (lunar,
         * qamari) and `gregorian` (in English) if wanted, e.g. `['jalali', 'hijri', 'gregorian']`.
         */
        calendars: z
          .array(z.enum(DATE_LINE_CALENDARS))
          .refine((calendars) => calendars[0] === 'jalali', {
            message: "must start with 'jalali', e.g. ['jalali', 'hijri', 'gregorian']",
          })
          .refine((calendars) => new Set(calendars).size === calendars.length, {
            message: 'names a calendar twice',
          })
          .default(['jalali']),
        /**
         * Days added to the computed Hijri date (Umm al-Qura), from -2 to 2, so that it is the date
         * of Iran's official calendar, whose months begin when the new moon is sighted: set it when
         * a month begins on another day than computed (docs/reference.md#date-line).
         */
        hijriOffsetDays: z.number().int().min(-2).max(2).default(0),
      },
      'the date line settings',
    ).prefault({}),
    /** Reader comments, sent to an external form service and published after moderation. */
    comments: strictFields(
      {
        /** Where the comment form posts (a Staticman or form-service URL). No endpoint: no form. */
        endpoint: z.url({ protocol: /^https?$/, error: 'must be the full address the form posts to' }).optional(),
        /**
         * The names of the form fields. The defaults are what staticman.yml expects: Staticman
         * writes `fields[x]` as `x` in the comment file, so `name` and `body` are the file's own
         * field names. Renaming one means changing staticman.yml too (a unit test holds them together).
         */
        fields: strictFields(
          {
            name: z.string().default('fields[name]'),
            email: z.string().default('fields[email]'),
            /** The comment's text. */
            message: z.string().default('fields[body]'),
            /** Carries the article id. */
            article: z.string().default('options[slug]'),
            /** Carries the thank-you page's address. */
            redirect: z.string().default('options[redirect]'),
            /** Carries the address of the page shown when the service refuses the comment. */
            redirectError: z.string().default('options[redirectError]'),
            /**
             * A field people never see or fill; bots do. Name it as your form service expects. With
             * Staticman it is a `fields[…]` field left out of `allowedFields`, which makes Staticman
             * refuse a submission that fills it.
             */
            honeypot: z.string().default('fields[website]'),
          },
          'the comment form fields',
        ).prefault({}),
      },
      'the comments settings',
    ).prefault({}),
    /** Menus of the header. */
    menus: strictFields(
      {
        /** The thin bar above the masthead (about, contact, …). */
        top: z.array(menuLinkSchema).default([]),
        /** The main navigation, usually the sections. */
        main: z.array(menuLinkSchema).default([]),
        /** «دسترسی سریع»: shortcuts shown under the main menu. */
        quickAccess: z.array(menuLinkSchema).default([]),
      },
      'the menus',
    ).prefault({}),
    /** What the home page shows. */
    home: strictFields(
      {
        /** How many articles the «تازه‌ترین خبرها» list shows. */
        latestCount: z.number().int().positive().default(12),
        /** How many articles the «اخبار ویژه» box shows. */
        featuredCount: z.number().int().positive().default(5),
        /** The category whose articles fill the «اخبار سایت» box (the newsroom's own announcements). */
        siteNewsCategory: z.string().trim().min(1).optional(),
        /** How many articles the «اخبار سایت» box shows. */
        siteNewsCount: z.number().int().positive().default(5),
        /** The sections shown as blocks on the home page, in this order, with how many articles each. */
        sections: z
          .array(
            strictFields(
              {
                /** A category slug (a file name in `content/categories/`). */
                category: z.string().trim().min(1),
                /** How many of its newest articles to show. */
                count: z.number().int().positive().default(4),
              },
              'a home page section',
            ),
          )
          .default([]),
        /** The breaking-news ticker shows `breaking` articles published in the last this-many hours. */
        breakingHours: z.number().positive().default(24),
      },
      'the home page settings',
    ).prefault({}),
    /** What the article page shows around the story. */
    article: strictFields(
      {
        /** How many related stories to list under an article. */
        relatedCount: z.number().int().nonnegative().default(5),
      },
      'the article page settings',
    ).prefault({}),
    /** How the search index is split (see src/lib/search/shards.ts). */
    search: strictFields(
      {
        /**
         * The most articles one piece of the search index holds. Up to two pieces are built at a
         * time, one per core (Pagefind needs about 0.4 GB of memory per 1,000 articles), one piece
         * per Jalali year, a year with more articles split by months; only pieces whose articles
         * changed are rebuilt.
         */
        shardArticles: z.number().int().positive().default(5000),
        /**
         * New stories go into a small piece of the index of fewer than this many articles, so that a
         * new story re-indexes only that piece and changes only its few files on the CDN.
         */
        latestArticles: z.number().int().positive().default(100),
        /**
         * When the newest piece fills up it moves into a piece of fewer than this many articles, and
         * that one, when full, into the pieces by year (src/lib/search/shards.ts).
         */
        recentArticles: z.number().int().positive().default(2000),
      },
      'the search settings',
    )
      .refine((search) => search.latestArticles <= search.recentArticles, {
        message: 'latestArticles must not be larger than recentArticles',
        path: ['latestArticles'],
      })
      .prefault({}),
    /** HTTP headers the host sends with every page (`dist/_headers`, src/lib/cdn-headers.ts). */
    // Strict like every group: here a misspelt setting would silently leave a security header as it was.
    headers: strictFields(
      {
        /** Strict-Transport-Security (HTTPS only); `false` for a site also served over plain HTTP (a mirror). */
        hsts: z.boolean().default(true),
      },
      'the headers settings',
    ).prefault({}),
    /**
     * The web editor at /admin/ (docs/editor.md): the git host it commits Markdown to, through branches
     * and pull requests that an editor merges, and how editors sign in.
     */
    editor: strictFields(
      {
        /** `github` or `gitlab`. */
        backend: z.enum(['github', 'gitlab']).default('github'),
        /** The repository, `owner/name` (GitLab: `group/project`). Without it only `npm run editor` works. */
        repo: z
          .string()
          .regex(/^[\w.-]+(\/[\w.-]+)+$/, { error: "must be the repository as owner/name, e.g. 'newsroom/archive'" })
          .optional(),
        /** The branch the site is built from: pull requests are merged into it. */
        branch: z.string().trim().min(1).default('main'),
        /** GitLab: the OAuth application's id; editors sign in with PKCE, no helper needed. */
        appId: z.string().trim().min(1).optional(),
        /** GitLab: a self-hosted GitLab's address, e.g. `https://gitlab.example.org` (default gitlab.com). */
        hostUrl: z.url({ protocol: /^https$/, error: 'must be the https address of the GitLab server' }).optional(),
        /** GitHub: the address of the OAuth helper that signs editors in (docs/editor.md#sign-in-github). */
        authUrl: z.url({ protocol: /^https$/, error: 'must be the https address of the OAuth helper' }).optional(),
      },
      'the editor settings',
    ).prefault({}),
    /** Articles per page on listing pages. */
    pageSize: z.number().int().positive().default(20),
  },
  'the site settings',
)
  .superRefine((config, context) => {
    const problem = urlPathProblem(config.url, config.base);
    if (problem) context.addIssue({ code: 'custom', path: ['url'], message: problem });
  })
  // From here on `url` is the origin alone: the base is added to paths, never read from `url`.
  .transform((config) => ({ ...config, url: new URL(config.url).origin }));

/**
 * What is wrong with a `url` that has more than an origin: a path other than the base would leave
 * it unclear where the site lives (at the root with `/repo/` a typo, or under `/repo/` with the base
 * forgotten), and a query or fragment has no meaning there.
 */
function urlPathProblem(url: string, base: string): string | undefined {
  if (!URL.canParse(url)) return undefined; // already reported by the field's own check
  const { origin, pathname, search, hash } = new URL(url);
  if (search || hash) return `must be the address alone, without "?" or "#", like ${origin}`;
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (path === '/' || path === base) return undefined;
  return `has the path ${pathname} but base is ${base}: write the origin as url (${origin}) and the path as base (base: '${path}')`;
}

export type SiteConfig = z.output<typeof siteConfigSchema>;
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type MenuLink = z.output<typeof menuLinkSchema>;

/** Validates the site settings; throws an error listing every wrong setting by its path. */
export function defineSiteConfig(input: SiteConfigInput): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`src/site.config.ts has settings to fix:\n${problems.join('\n')}`);
}
