/**
 * staticman.yml against the form that posts to it and the build that reads what it writes: the
 * allowed fields are the form's, the e-mail is hashed, the honeypot works, and the file Staticman
 * writes (computed the way Staticman's source does, tests/helpers/staticman.ts) is a comment the
 * site accepts. The files in tests/fixtures/staticman/ are that output, byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commentSchema } from '../../src/lib/content/schema';
import { HASHED_EMAIL_FIELD, prepareCommentFile } from '../../src/lib/content/staticman-entry';
import site from '../../src/site.config';
import { projectRoot } from '../helpers/build-site';
import {
  parseStaticmanEndpoint,
  staticmanEntry,
  type StaticmanProperty,
  type StaticmanRequest,
} from '../helpers/staticman';

const staticmanYml = parseYaml(readFileSync(path.join(projectRoot, 'staticman.yml'), 'utf8')) as Record<
  string,
  StaticmanProperty
>;
const { fields: form, endpoint } = site.comments;
const endpointParts = endpoint ? parseStaticmanEndpoint(endpoint) : undefined;
const config = staticmanYml[endpointParts?.property ?? 'comments']!;

/** `fields[name]` → `name`: the key Staticman writes; undefined for an `options[…]` name. */
const fieldKey = (formName: string) => /^fields\[([^\]]+)\]$/.exec(formName)?.[1];
const optionKey = (formName: string) => /^options\[([^\]]+)\]$/.exec(formName)?.[1];

/** A form post with the site's field names, in the order the form lays them out. */
function post(
  values: { name: string; email: string; body: string; honeypot?: string },
  options: Record<string, string>,
) {
  const fields: Record<string, string> = {};
  const entries: [string, string][] = [
    [form.name, values.name],
    [form.email, values.email],
    [form.message, values.body],
    [form.honeypot, values.honeypot ?? ''],
  ];
  for (const [formName, value] of entries) {
    const key = fieldKey(formName);
    if (key) fields[key] = value;
  }
  const article = optionKey(form.article);
  const redirect = optionKey(form.redirect);
  return {
    fields,
    options: {
      ...(article ? { [article]: options['article'] ?? '' } : {}),
      ...(redirect ? { [redirect]: 'https://bayegan.example.org/comments/thanks/' } : {}),
      ...(options['parent'] ? { parent: options['parent'] } : {}),
    },
  };
}

/** The submissions whose Staticman files are committed in tests/fixtures/staticman/. */
const FIXTURE_REQUESTS: StaticmanRequest[] = [
  {
    ...post(
      { name: '  لیلا  ', email: 'leila.reader@example.org', body: 'گزارش دقیقی بود.\r\n\r\n<b>ممنون</b> از خبرنگار.' },
      { article: '8' },
    ),
    uid: '5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10',
    now: new Date('2025-03-21T06:20:00.000Z'),
  },
  {
    ...post(
      { name: 'کاوه', email: '', body: 'با لیلا موافقم.' },
      { article: '8', parent: '5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10' },
    ),
    uid: '8f4d2a10-3a2b-11f1-8a8e-0b6c4d5e7f10',
    now: new Date('2025-03-21T07:45:30.250Z'),
  },
];
const FIXTURE_DIR = path.join(projectRoot, 'tests/fixtures/staticman');

describe('staticman.yml and the comment form', () => {
  it('is the block the form posts to, on the branch in its address', () => {
    expect(endpointParts, `comments.endpoint ${endpoint} is not a Staticman v3 entry URL`).toBeDefined();
    expect(Object.keys(staticmanYml)).toContain(endpointParts!.property);
    expect(config.branch).toBe(endpointParts!.branch);
  });

  it('allows exactly the fields the form posts, the honeypot excepted', () => {
    const posted = Object.values(form).flatMap((name) => fieldKey(name) ?? []);
    const honeypot = fieldKey(form.honeypot);
    expect(honeypot, 'the honeypot must be a fields[…] field for Staticman to check it').toBeDefined();
    expect([...config.allowedFields].sort()).toEqual(posted.filter((key) => key !== honeypot).sort());
    expect(config.allowedFields).not.toContain(honeypot);
  });

  it('requires the name and the comment, and hashes the e-mail', () => {
    expect([...(config.requiredFields ?? [])].sort()).toEqual([fieldKey(form.name), fieldKey(form.message)].sort());
    expect(fieldKey(form.email)).toBe(HASHED_EMAIL_FIELD);
    expect(config.transforms).toEqual({ [HASHED_EMAIL_FIELD]: 'md5' });
  });

  it('opens a pull request per comment, filed under the article id the form sends', () => {
    expect(config.moderation).toBe(true);
    expect(config.path).toBe(`content/comments/{options.${optionKey(form.article)}}`);
    const result = staticmanEntry(config, FIXTURE_REQUESTS[0]!);
    expect(result).toMatchObject({ file: `content/comments/8/${FIXTURE_REQUESTS[0]!.uid}.json`, moderated: true });
  });
});

describe('what Staticman writes for it', () => {
  it('is a comment the site accepts, with the e-mail only as its MD5 and the empty honeypot dropped', () => {
    const result = staticmanEntry(config, FIXTURE_REQUESTS[0]!);
    if (!('file' in result)) throw new Error(`Staticman refused the post: ${result.error}`);
    expect(result.content).not.toContain('leila.reader@example.org');
    const raw = JSON.parse(result.content) as Record<string, unknown>;
    expect(raw).toEqual({
      _id: '5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10',
      name: 'لیلا',
      email: createHash('md5').update('leila.reader@example.org').digest('hex'),
      body: 'گزارش دقیقی بود.\r\n\r\n<b>ممنون</b> از خبرنگار.',
      website: '',
      submittedAt: '2025-03-21T06:20:00.000Z',
    });
    const entryId = result.file.replace(/^content\/comments\//, '').replace(/\.json$/, '');
    const prepared = prepareCommentFile(raw, entryId);
    expect(prepared.problems).toEqual([]);
    const parsed = commentSchema.safeParse(prepared.data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toEqual({
      id: '5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10',
      article: 8,
      name: 'لیلا',
      body: 'گزارش دقیقی بود.\n\n<b>ممنون</b> از خبرنگار.',
      submittedAt: new Date('2025-03-21T06:20:00.000Z'),
    });
  });

  it('refuses a post whose honeypot is filled, or that lacks the name or the comment', () => {
    const spam = {
      ...post({ name: 'bot', email: '', body: 'buy', honeypot: 'https://spam.example' }, { article: '8' }),
      uid: 'x',
      now: new Date(),
    };
    expect(staticmanEntry(config, spam)).toEqual({ error: 'INVALID_FIELDS', data: [fieldKey(form.honeypot)] });
    const empty = { ...post({ name: ' ', email: '', body: 'متن' }, { article: '8' }), uid: 'x', now: new Date() };
    expect(staticmanEntry(config, empty)).toEqual({ error: 'MISSING_REQUIRED_FIELDS', data: ['name'] });
  });

  it('is what tests/fixtures/staticman/ holds, byte for byte, and holds no e-mail address', () => {
    const expected = new Map<string, string>();
    for (const request of FIXTURE_REQUESTS) {
      const result = staticmanEntry(config, request);
      if (!('file' in result)) throw new Error(`Staticman refused a fixture post: ${result.error}`);
      expected.set(result.file.replace(/^content\//, ''), result.content);
    }
    if (process.env['UPDATE_STATICMAN_FIXTURES']) {
      for (const [file, content] of expected) {
        mkdirSync(path.dirname(path.join(FIXTURE_DIR, file)), { recursive: true });
        writeFileSync(path.join(FIXTURE_DIR, file), content);
      }
    }
    const committed = readdirSync(FIXTURE_DIR, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.split(path.sep).join('/'));
    expect(committed.sort()).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) {
      const text = readFileSync(path.join(FIXTURE_DIR, file), 'utf8');
      expect(text, `${file} differs from Staticman's output; rerun with UPDATE_STATICMAN_FIXTURES=1`).toBe(content);
      expect(text).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]+/i);
    }
  });
});
