/**
 * A JSON Feed 1.1 validator written from the specification (https://www.jsonfeed.org/version/1.1/),
 * for the tests: every problem of a feed as `path: what is wrong`, none for a valid feed. It checks
 * what the spec requires and the types of every field it defines; Bayegan's own choices (language,
 * Tehran offsets) are the tests' business.
 */

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isUrl(value: unknown): boolean {
  return typeof value === 'string' && URL.canParse(value);
}

/** Checks the fields of `object` against `types`; custom fields (`_name`) are allowed, others reported. */
function checkFields(
  object: Json,
  path: string,
  types: Record<string, (value: unknown) => string | undefined>,
  problems: string[],
) {
  for (const [name, value] of Object.entries(object)) {
    const check = types[name];
    if (!check) {
      // The spec lets publishers add their own fields, named with a leading underscore.
      if (!name.startsWith('_')) problems.push(`${path}.${name}: not a JSON Feed 1.1 field`);
      continue;
    }
    const problem = check(value);
    if (problem) problems.push(`${path}.${name}: ${problem}`);
  }
}

const string = (value: unknown) => (typeof value === 'string' ? undefined : 'must be a string');
const url = (value: unknown) => (isUrl(value) ? undefined : 'must be a URL');
const boolean = (value: unknown) => (typeof value === 'boolean' ? undefined : 'must be true or false');
const date = (value: unknown) =>
  typeof value === 'string' && RFC_3339.test(value) && !Number.isNaN(Date.parse(value))
    ? undefined
    : 'must be an RFC 3339 date-time';
const stringList = (value: unknown) =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? undefined : 'must be a list of strings';

function authorProblems(value: unknown, path: string, problems: string[]) {
  if (!isObject(value)) return problems.push(`${path}: must be an object`);
  checkFields(value, path, { name: string, url, avatar: url }, problems);
  // "At least one of the three must be present" (name, url or avatar).
  if (!['name', 'url', 'avatar'].some((name) => name in value)) problems.push(`${path}: needs a name, url or avatar`);
  return undefined;
}

function authorsProblems(value: unknown, path: string, problems: string[]) {
  if (!Array.isArray(value)) return problems.push(`${path}: must be a list`);
  value.forEach((author, index) => authorProblems(author, `${path}[${index}]`, problems));
  return undefined;
}

function itemProblems(item: unknown, path: string, problems: string[]) {
  if (!isObject(item)) return problems.push(`${path}: must be an object`);
  if (!('id' in item)) problems.push(`${path}.id: is required`);
  // "content_html and content_text are each optional strings — but one must be present."
  if (!('content_html' in item) && !('content_text' in item))
    problems.push(`${path}: needs content_html or content_text`);
  checkFields(
    item,
    path,
    {
      // 1.1: "If an id is presented as a number or other type, a JSON Feed reader must coerce it to a
      // string"; publishers should write a string.
      id: (value) => (typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string'),
      url,
      external_url: url,
      title: string,
      content_html: string,
      content_text: string,
      summary: string,
      image: url,
      banner_image: url,
      date_published: date,
      date_modified: date,
      authors: () => undefined,
      tags: stringList,
      language: string,
      attachments: () => undefined,
    },
    problems,
  );
  if ('authors' in item) authorsProblems(item['authors'], `${path}.authors`, problems);
  if ('attachments' in item) {
    const attachments = item['attachments'];
    if (!Array.isArray(attachments)) problems.push(`${path}.attachments: must be a list`);
    else
      attachments.forEach((attachment, index) => {
        const at = `${path}.attachments[${index}]`;
        if (!isObject(attachment)) return problems.push(`${at}: must be an object`);
        if (!('url' in attachment)) problems.push(`${at}.url: is required`);
        if (!('mime_type' in attachment)) problems.push(`${at}.mime_type: is required`);
        const number = (value: unknown) => (typeof value === 'number' ? undefined : 'must be a number');
        checkFields(
          attachment,
          at,
          { url, mime_type: string, title: string, size_in_bytes: number, duration_in_seconds: number },
          problems,
        );
        return undefined;
      });
  }
  return undefined;
}

/** Every way `feed` (parsed JSON) breaks JSON Feed 1.1; empty when it is valid. */
export function jsonFeedProblems(feed: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(feed)) return ['feed: must be an object'];
  for (const name of ['version', 'title', 'items']) if (!(name in feed)) problems.push(`feed.${name}: is required`);
  checkFields(
    feed,
    'feed',
    {
      version: (value) =>
        value === 'https://jsonfeed.org/version/1.1' ? undefined : 'must be https://jsonfeed.org/version/1.1',
      title: string,
      home_page_url: url,
      feed_url: url,
      description: string,
      user_comment: string,
      next_url: url,
      icon: url,
      favicon: url,
      authors: () => undefined,
      language: string,
      expired: boolean,
      hubs: () => undefined,
      items: () => undefined,
    },
    problems,
  );
  if ('authors' in feed) authorsProblems(feed['authors'], 'feed.authors', problems);
  if ('hubs' in feed) {
    const hubs = feed['hubs'];
    if (!Array.isArray(hubs)) problems.push('feed.hubs: must be a list');
    else
      hubs.forEach((hub, index) => {
        const at = `feed.hubs[${index}]`;
        if (!isObject(hub)) return problems.push(`${at}: must be an object`);
        // "type and url, both required".
        if (typeof hub['type'] !== 'string') problems.push(`${at}.type: is required, a string`);
        if (!isUrl(hub['url'])) problems.push(`${at}.url: is required, a URL`);
        return undefined;
      });
  }
  const items = feed['items'];
  if ('items' in feed && !Array.isArray(items)) problems.push('feed.items: must be a list');
  if (Array.isArray(items)) items.forEach((item, index) => itemProblems(item, `feed.items[${index}]`, problems));
  return problems;
}
