/**
 * Pictures, galleries, video and sound in article bodies (a Sätteri hast plugin, Markdown and MDX):
 *
 * - In MDX, the media components (<Figure>, <Gallery>, <Video>, <Audio>: src/components/mdx/) name
 *   their files as paths beside the article (`src="./images/a.jpg"`). The plugin checks each
 *   component's settings and files, and turns every path into `import("./images/a.jpg")`, so Vite
 *   copies the file into the site under a content-hashed name (pictures through astro:assets, like
 *   every picture of the site) and the component gets its URL. A <Figure> inside a <Gallery> is
 *   marked `gallery`, so it renders as a thumbnail linking to the whole picture.
 * - In Markdown and MDX, a picture alone in its paragraph with a title, `![…](./a.jpg "علی رضایی")`,
 *   becomes a figure with the title as its «عکس: …» credit.
 *
 * A mistake stops the build with the file, the component and the fix (problems as data, thrown
 * as one error once the whole body has been read). The checks are pure (`mediaElementProblems`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastNode, HastVisitorContext, MdxJsxAttributeNode, MdxJsxExpressionAttributeNode } from 'satteri';
import { defineHastPlugin, mdxToJs } from 'satteri';
import { mediaCreditLine } from '#i18n/fa.ts';
import { displayPath } from '#lib/content/content-dir.ts';
import { contentProblemsError, type ContentProblem } from '#lib/content/problems.ts';
import { creditName, mediaExtensions, mediaType, type MediaKind } from '#lib/media-files.ts';

type Attribute = MdxJsxAttributeNode | MdxJsxExpressionAttributeNode;

interface ComponentSpec {
  /** Settings that name a file beside the article, with the kind of file each takes. */
  files: Record<string, MediaKind>;
  /** Settings of plain text. */
  texts: string[];
  required: string[];
  /** Whether the component holds other content between its tags. */
  children: boolean;
  /** Why a required setting matters, when it is not obvious: part of the fix. */
  why?: Record<string, string>;
}

/** The media components and their settings (docs/reference.md#mdx-components). */
export const MEDIA_COMPONENTS: Record<string, ComponentSpec> = {
  Figure: { files: { src: 'image' }, texts: ['alt', 'caption', 'credit'], required: ['src', 'alt'], children: false },
  Gallery: { files: {}, texts: ['caption'], required: [], children: true },
  Video: {
    files: { src: 'video', poster: 'image', captions: 'captions' },
    texts: ['caption', 'credit'],
    required: ['src', 'captions'],
    children: false,
    why: { captions: 'readers who cannot hear it need them (a WebVTT file, e.g. captions="./media/clip.vtt")' },
  },
  Audio: { files: { src: 'audio' }, texts: ['caption', 'credit'], required: ['src'], children: false },
};

const EXAMPLE: Record<string, string> = {
  Figure: '<Figure src="./images/bazaar.jpg" alt="…" credit="…" />',
  Gallery: '<Gallery caption="…"> <Figure … /> <Figure … /> </Gallery>',
  Video: '<Video src="./media/clip.webm" poster="./media/clip.jpg" captions="./media/clip.vtt" />',
  Audio: '<Audio src="./media/report.opus" caption="…" />',
};

/** A component as the checks see it: its name, settings (text, or `null` for a `{…}` expression), children. */
export interface MediaElement {
  name: string;
  attributes: { name: string; value: string | null }[];
  /** Its children: components by name, `#text` for text, `#other` for other markup; blank text left out. */
  children: string[];
  /** The component it is directly inside, if any. */
  parent?: string | undefined;
}

/**
 * What is wrong with one media component, as problems of `file`; `exists(relativePath)` says
 * whether a file beside the article exists. Settings written as `{…}` expressions are the
 * writer's own code and are not checked.
 */
export function mediaElementProblems(
  element: MediaElement,
  file: string,
  exists: (relativePath: string) => boolean,
): ContentProblem[] {
  const spec = MEDIA_COMPONENTS[element.name];
  if (!spec) return [];
  const field = `<${element.name}>`;
  const problems: ContentProblem[] = [];
  const problem = (message: string, fix: string) => problems.push({ file, field, message, fix });
  const known = [...Object.keys(spec.files), ...spec.texts];
  const given = new Map(element.attributes.map((attribute) => [attribute.name, attribute.value]));

  for (const name of given.keys()) {
    if (!known.includes(name))
      problem(`has no setting "${name}"`, `use ${known.join(', ')}; e.g. ${EXAMPLE[element.name]}`);
  }
  for (const name of spec.required) {
    if (!given.has(name)) {
      problem(`needs ${name}`, spec.why?.[name] ?? `add ${name}="…", e.g. ${EXAMPLE[element.name]}`);
    }
  }
  for (const [name, kind] of Object.entries(spec.files)) {
    const value = given.get(name);
    if (value === undefined || value === null) continue;
    if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(value)) {
      problem(
        `${name}="${value}" is on another site`,
        `save the file beside the article and name it, e.g. ${name}="./media/…": a page asks no other host for anything`,
      );
    } else if (!value.startsWith('./') && !value.startsWith('../')) {
      problem(
        `${name}="${value}" is not a path beside the article`,
        `start it with ./, e.g. ${name}="./${value.replace(/^\/+/, '')}"`,
      );
    } else if (!mediaType(kind, value)) {
      problem(
        `${name}="${value}" is not a ${kind === 'captions' ? 'WebVTT' : kind} file`,
        `use a ${mediaExtensions(kind)} file`,
      );
    } else if (!exists(value)) {
      problem(`${name}="${value}" does not exist`, 'the path is relative to the article file');
    }
  }
  for (const name of spec.texts) {
    const value = given.get(name);
    if (typeof value === 'string' && value.trim() === '')
      problem(`has an empty ${name}`, `write the ${name} or leave the setting out`);
  }
  if (!spec.children && element.children.length > 0) {
    problem('holds other content', `write it as one tag, e.g. ${EXAMPLE[element.name]}`);
  }
  if (element.name === 'Gallery') {
    if (element.children.length === 0 || element.children.some((child) => child !== 'Figure')) {
      problem('holds only pictures', `put one <Figure … /> per line between <Gallery> and </Gallery>`);
    }
  }
  return problems;
}

/** `import("./a.jpg")`: how a file setting reaches the component, through Vite. */
export const fileImport = (relativePath: string) => `import(${JSON.stringify(relativePath)})`;

type JsxNode = Extract<HastNode, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

function isJsx(node: unknown): node is JsxNode {
  const type = (node as { type?: string } | undefined)?.type;
  return type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement';
}

function childNames(node: JsxNode): string[] {
  return node.children.flatMap((child) => {
    if (child.type === 'text') return child.value.trim() ? ['#text'] : [];
    if (isJsx(child)) return [child.name ?? '#other'];
    return ['#other'];
  });
}

function readElement(node: JsxNode, ctx: HastVisitorContext): MediaElement {
  const parent = ctx.parent(node) as unknown;
  return {
    name: node.name ?? '',
    attributes: node.attributes.map((attribute) =>
      attribute.type === 'mdxJsxAttribute'
        ? {
            name: attribute.name,
            value: typeof attribute.value === 'string' ? attribute.value : attribute.value == null ? '' : null,
          }
        : { name: '{…}', value: null },
    ),
    children: childNames(node),
    parent: isJsx(parent) ? (parent.name ?? undefined) : undefined,
  };
}

/** The element with its file settings turned into imports, and `gallery` set inside a <Gallery>. */
function withImports(node: JsxNode, element: MediaElement): JsxNode {
  const spec = MEDIA_COMPONENTS[element.name]!;
  const attributes: Attribute[] = node.attributes.map((attribute) =>
    attribute.type === 'mdxJsxAttribute' && attribute.name in spec.files && typeof attribute.value === 'string'
      ? {
          type: 'mdxJsxAttribute',
          name: attribute.name,
          value: { type: 'mdxJsxAttributeValueExpression', value: fileImport(attribute.value) },
        }
      : attribute,
  );
  if (element.name === 'Figure' && element.parent === 'Gallery') {
    attributes.push({
      type: 'mdxJsxAttribute',
      name: 'gallery',
      value: { type: 'mdxJsxAttributeValueExpression', value: 'true' },
    });
  }
  return { type: node.type, name: node.name, attributes, children: [] } as JsxNode;
}

type Element = Extract<HastNode, { type: 'element' }>;

/** A picture alone in its paragraph, with a title: the title is its credit. */
function creditedPicture(paragraph: Element): Element | undefined {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const image = meaningful[0];
  if (meaningful.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return undefined;
  const title = image.properties?.['title'];
  if (typeof title !== 'string' || !creditName(title)) return undefined;
  // The title said who took it: the caption says it now, and a tooltip would repeat it.
  const properties = { ...image.properties };
  delete properties['title'];
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['body-figure'] },
    children: [
      { ...image, properties },
      {
        type: 'element',
        tagName: 'figcaption',
        properties: { className: ['body-figure__credit'], dataPagefindIgnore: '' },
        children: [{ type: 'text', value: mediaCreditLine('image', creditName(title)) }],
      },
    ],
  };
}

const MAY_HOLD_MEDIA = /<(?:Figure|Gallery|Video|Audio)\b|!\[[^\]]*\]\([^)]*["'(]/;
const NAMES = Object.keys(MEDIA_COMPONENTS);

/**
 * The visitors for one document: each media component's problems go into `problems` (with its
 * line when `withLines`), and it is rewritten for Vite; a credited Markdown picture becomes a figure.
 */
function mediaVisitors(
  file: string,
  exists: (relativePath: string) => boolean,
  problems: ContentProblem[],
  withLines = false,
) {
  const visit = (node: JsxNode, ctx: HastVisitorContext): HastNode | undefined => {
    const element = readElement(node, ctx);
    const line = withLines ? node.position?.start.line : undefined;
    for (const problem of mediaElementProblems(element, file, exists)) {
      problems.push(line ? { ...problem, line } : problem);
    }
    // A gallery keeps its children: they are visited on their own.
    return element.name === 'Gallery' ? undefined : withImports(node, element);
  };
  return {
    mdxJsxFlowElement: { filter: NAMES, visit },
    mdxJsxTextElement: { filter: NAMES, visit },
    element: { filter: ['p'], visit: (node: Element) => creditedPicture(node) },
  };
}

/** The build's plugin, one instance per document; none for a body without media. Stops the build over any problem. */
export const mediaComponentsPlugin = (document: { fileURL: URL | undefined; source: string }) => {
  if (!MAY_HOLD_MEDIA.test(document.source)) return false;
  const filePath = document.fileURL ? fileURLToPath(document.fileURL) : '';
  const file = filePath ? displayPath(filePath) : 'article';
  const exists = (relativePath: string) => !filePath || existsSync(path.resolve(path.dirname(filePath), relativePath));
  const problems: ContentProblem[] = [];
  return defineHastPlugin({
    name: 'bayegan-media-components',
    ...mediaVisitors(file, exists, problems),
    // Every problem of the file at once, rather than the first.
    after() {
      if (problems.length > 0) throw contentProblemsError(problems);
    },
  });
};

/** A frontmatter block at the top of a file: blanked (lines kept) before the body is read as MDX. */
const FRONTMATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/;

/**
 * The media components' problems in the text of an MDX article, with their lines, for
 * `npm run check:content` (the same checks the build makes); `exists(relativePath)` says whether
 * a file beside the article exists. A body that is not valid MDX is one problem.
 */
export function mdxMediaProblems(
  source: string,
  file: string,
  exists: (relativePath: string) => boolean,
): ContentProblem[] {
  if (!MAY_HOLD_MEDIA.test(source)) return [];
  const body = source.replace(FRONTMATTER, (block) => block.replace(/[^\n]/g, ''));
  const problems: ContentProblem[] = [];
  try {
    mdxToJs(body, {
      hastPlugins: [
        defineHastPlugin({
          name: 'bayegan-media-check',
          options: { position: true },
          ...mediaVisitors(file, exists, problems, true),
        }),
      ],
    });
  } catch (error) {
    const line = Number(/^(\d+):\d+/.exec((error as Error).message)?.[1]) || undefined;
    const message = `cannot be read as MDX: ${(error as Error).message.split('\n')[0]}`;
    return [{ file, ...(line ? { line } : {}), field: 'body', message }];
  }
  return problems;
}
