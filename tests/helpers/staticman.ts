/**
 * What a Staticman v3 instance writes for one form submission, step by step as
 * eduardoboucas/staticman lib/Staticman.js `processEntry` does it (checked against its source at
 * 5d7ed77), so that tests can hold our staticman.yml and the build to Staticman's real output
 * without running a Staticman server. Only what our config uses is implemented: JSON files,
 * `date` and constant generated fields, the md5/upcase/downcase transforms, `{…}` placeholders.
 */
import { createHash } from 'node:crypto';

/** One block of staticman.yml (e.g. `comments:`), as far as this helper reads it. */
export interface StaticmanProperty {
  allowedFields: string[];
  requiredFields?: string[];
  branch: string;
  format: string;
  path: string;
  filename?: string;
  extension?: string;
  moderation?: boolean;
  generatedFields?: Record<string, unknown>;
  transforms?: Record<string, string | string[]>;
}

/** A form post: `fields[x]` and `options[x]` as the request body parser groups them, in form order. */
export interface StaticmanRequest {
  fields: Record<string, string>;
  options: Record<string, string>;
  /** The entry id Staticman would draw (uuid v1). */
  uid: string;
  /** The instant Staticman would read from its clock. */
  now: Date;
}

export type StaticmanResult =
  | { file: string; content: string; moderated: boolean }
  | { error: 'MISSING_REQUIRED_FIELDS' | 'INVALID_FIELDS'; data: string[] };

const TRANSFORMS: Record<string, (value: string) => string> = {
  md5: (value) => createHash('md5').update(value, 'utf8').digest('hex'),
  upcase: (value) => String(value).toUpperCase(),
  downcase: (value) => String(value).toLowerCase(),
};

/** `_validateFields`: unlisted fields must be empty; all are trimmed; required ones must be set. */
function validateFields(config: StaticmanProperty, fields: Record<string, string>): StaticmanResult | undefined {
  const invalid: string[] = [];
  for (const field of Object.keys(fields)) {
    if (!config.allowedFields.includes(field) && fields[field] !== '') invalid.push(field);
    if (typeof fields[field] === 'string') fields[field] = fields[field].trim();
  }
  const missing = (config.requiredFields ?? []).filter((field) => fields[field] === undefined || fields[field] === '');
  if (missing.length > 0) return { error: 'MISSING_REQUIRED_FIELDS', data: missing };
  if (invalid.length > 0) return { error: 'INVALID_FIELDS', data: invalid };
  return undefined;
}

/** `_createDate`: iso8601 (the default), timestamp, timestamp-seconds. */
function createDate(now: Date, format: unknown): string | number {
  if (format === 'timestamp') return now.getTime();
  if (format === 'timestamp-seconds') return Math.floor(now.getTime() / 1000);
  return now.toISOString();
}

/** `_resolvePlaceholders`: `{@id}`, `{@timestamp}`, `{options.x}`, `{fields.x}` (empty when unset). */
function resolvePlaceholders(
  subject: string,
  base: { fields: Record<string, unknown>; options: Record<string, string> },
  request: StaticmanRequest,
): string {
  return subject.replace(/{(.*?)}/g, (_match, property: string) => {
    if (property === '@id') return request.uid;
    if (property === '@timestamp') return String(request.now.getTime());
    if (property.startsWith('@date:')) throw new Error('moment.js date placeholders are not implemented here');
    const value = property
      .split('.')
      .reduce<unknown>((object, key) => (object as Record<string, unknown>)?.[key], base);
    return value ? String(value) : '';
  });
}

/** The file Staticman commits (to a pull request when `moderation` is on), or the error it answers. */
export function staticmanEntry(config: StaticmanProperty, request: StaticmanRequest): StaticmanResult {
  const fields: Record<string, unknown> = { ...request.fields };
  const invalid = validateFields(config, fields as Record<string, string>);
  if (invalid) return invalid;

  // _applyGeneratedFields
  for (const [field, generated] of Object.entries(config.generatedFields ?? {})) {
    if (typeof generated === 'object' && generated !== null && !Array.isArray(generated)) {
      const { type, options = {} } = generated as { type?: string; options?: Record<string, unknown> };
      if (type === 'date') fields[field] = createDate(request.now, options['format']);
      else throw new Error(`generated field type ${String(type)} is not implemented here`);
    } else fields[field] = generated;
  }

  // _applyTransforms: a field that is empty or absent is left as it is.
  for (const [field, names] of Object.entries(config.transforms ?? {})) {
    if (!fields[field]) continue;
    for (const name of ([] as string[]).concat(names)) {
      const transform = TRANSFORMS[name];
      if (transform) fields[field] = transform(String(fields[field]));
    }
  }

  // _applyInternalFields: `_id`, then `_parent` when options[parent] is set, then the fields.
  const internal: Record<string, unknown> = { _id: request.uid };
  if (request.options['parent']) internal['_parent'] = request.options['parent'];
  const entry = Object.assign(internal, fields);

  // _createFile
  if (config.format.toLowerCase() !== 'json') throw new Error(`format ${config.format} is not implemented here`);
  const content = JSON.stringify(entry);

  // _getNewFilePath
  const base = { fields, options: request.options };
  const filename = config.filename ? resolvePlaceholders(config.filename, base, request) : request.uid;
  const folder = resolvePlaceholders(config.path, base, request).replace(/\/$/, '');
  const extension = config.extension || 'json';
  return { file: `${folder}/${filename}.${extension}`, content, moderated: config.moderation ?? true };
}

/**
 * The path of a Staticman v3 endpoint: `/v3/entry/<service>/<owner>/<repo>/<branch>/<property>`
 * (Staticman's server.js routes), or undefined.
 */
export function parseStaticmanEndpoint(
  url: string,
): { service: string; owner: string; repository: string; branch: string; property: string } | undefined {
  const match = /\/v3\/entry\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(new URL(url).pathname);
  if (!match) return undefined;
  const [, service, owner, repository, branch, property] = match as unknown as string[];
  return { service: service!, owner: owner!, repository: repository!, branch: branch!, property: property! };
}
