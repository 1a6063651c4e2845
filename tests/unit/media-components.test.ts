import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fileImport,
  mdxMediaProblems,
  mediaComponentsPlugin,
  mediaElementProblems,
  type MediaElement,
} from '../../src/lib/markdown/media-components';
import { creditName, mediaType } from '../../src/lib/media-files';

/** An article folder with the files the examples name. */
let articleFile: string;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bayegan-media-'));
  for (const file of ['images/a.jpg', 'images/b.jpg', 'media/clip.webm', 'media/clip.vtt', 'media/talk.opus']) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), 'x');
  }
  articleFile = path.join(dir, 'story.mdx');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Async, so that a file with problems gives a rejected promise, as the build's compile does.
const compile = async (mdx: string) =>
  mdxToJs(mdx, { hastPlugins: [mediaComponentsPlugin], fileURL: pathToFileURL(articleFile) }).code;

const element = (name: string, attributes: Record<string, string | null>, children: string[] = []): MediaElement => ({
  name,
  attributes: Object.entries(attributes).map(([key, value]) => ({ name: key, value })),
  children,
});
const problemsOf = (el: MediaElement, existing: string[] = ['./a.jpg', './clip.webm', './clip.vtt']) =>
  mediaElementProblems(el, 'content/articles/x.mdx', (file) => existing.includes(file)).map(
    (p) => `${p.field}: ${p.message}; ${p.fix ?? ''}`,
  );

describe('mediaElementProblems', () => {
  it('accepts a complete figure, video and audio', () => {
    expect(problemsOf(element('Figure', { src: './a.jpg', alt: 'بازار', caption: 'ورودی', credit: 'علی' }))).toEqual(
      [],
    );
    expect(problemsOf(element('Video', { src: './clip.webm', captions: './clip.vtt', poster: './a.jpg' }))).toEqual([]);
    expect(problemsOf(element('Gallery', { caption: 'بازار' }, ['Figure', 'Figure']))).toEqual([]);
  });

  it('asks a video for its captions, and a figure for its description', () => {
    expect(problemsOf(element('Video', { src: './clip.webm' }))).toEqual([
      '<Video>: needs captions; readers who cannot hear it need them (a WebVTT file, e.g. captions="./media/clip.vtt")',
    ]);
    expect(problemsOf(element('Figure', { src: './a.jpg' }))[0]).toMatch(/^<Figure>: needs alt; add alt="…"/);
  });

  it('refuses files on other hosts, absolute paths, wrong kinds and missing files', () => {
    expect(problemsOf(element('Audio', { src: 'https://cdn.example.com/a.mp3' }))[0]).toMatch(
      /src="https:\/\/cdn\.example\.com\/a\.mp3" is on another site; save the file beside the article/,
    );
    expect(problemsOf(element('Audio', { src: '//cdn.example.com/a.mp3' }))[0]).toMatch(/is on another site/);
    expect(problemsOf(element('Figure', { src: '/images/a.jpg', alt: 'الف' }))[0]).toMatch(
      /is not a path beside the article; start it with \.\/, e\.g\. src="\.\/images\/a\.jpg"/,
    );
    expect(problemsOf(element('Video', { src: './clip.avi', captions: './clip.srt' }))).toEqual([
      '<Video>: src="./clip.avi" is not a video file; use a .webm, .mp4 file',
      '<Video>: captions="./clip.srt" is not a WebVTT file; use a .vtt file',
    ]);
    expect(problemsOf(element('Figure', { src: './b.jpg', alt: 'الف' }))[0]).toMatch(/src="\.\/b\.jpg" does not exist/);
  });

  it('names unknown settings, empty texts, content inside a figure and a gallery of other things', () => {
    expect(problemsOf(element('Figure', { src: './a.jpg', alt: 'الف', credits: 'علی' }))[0]).toMatch(
      /has no setting "credits"; use src, alt, caption, credit/,
    );
    expect(problemsOf(element('Figure', { src: './a.jpg', alt: ' ' }))[0]).toMatch(/has an empty alt/);
    expect(problemsOf(element('Figure', { src: './a.jpg', alt: 'الف' }, ['#text']))[0]).toMatch(/holds other content/);
    expect(problemsOf(element('Figure', { src: './a.jpg', alt: 'الف' }, ['#other']))[0]).toMatch(/holds other content/);
    expect(problemsOf(element('Gallery', {}, ['Figure', 'Video']))[0]).toMatch(/<Gallery>: holds only pictures/);
    expect(problemsOf(element('Gallery', {}, ['Figure', '#text']))[0]).toMatch(/<Gallery>: holds only pictures/);
    expect(problemsOf(element('Gallery', {}, []))[0]).toMatch(/holds only pictures/);
  });

  it('leaves settings written as expressions to their writer', () => {
    expect(problemsOf(element('Figure', { src: null, alt: 'الف' }))).toEqual([]);
  });
});

describe('media components in MDX', () => {
  it('turns file paths into imports, and marks the pictures of a gallery', async () => {
    const code = await compile(
      [
        '<Figure src="./images/a.jpg" alt="الف" credit="علی" />',
        '',
        '<Gallery caption="بازار">',
        '  <Figure src="./images/b.jpg" alt="ب" />',
        '</Gallery>',
        '',
        '<Video src="./media/clip.webm" captions="./media/clip.vtt" />',
        '',
        '<Audio src="./media/talk.opus" />',
      ].join('\n'),
    );
    for (const file of [
      './images/a.jpg',
      './images/b.jpg',
      './media/clip.webm',
      './media/clip.vtt',
      './media/talk.opus',
    ]) {
      expect(code).toContain(fileImport(file));
    }
    expect(code).not.toMatch(/src: "\.\//);
    // Only the picture inside the gallery is a gallery thumbnail.
    expect(code.match(/gallery: true/g)).toHaveLength(1);
    expect(code).toMatch(/src: import\("\.\/images\/b\.jpg"\),\s*alt: "ب",\s*gallery: true/);
  });

  it('stops with every problem of the file, naming it', async () => {
    const compiling = compile(
      '<Video src="./media/clip.webm" />\n\n<Figure src="https://example.com/a.jpg" alt="الف" />\n',
    );
    await expect(compiling).rejects.toThrow(/story\.mdx: <Video>: needs captions/);
    await expect(compiling).rejects.toThrow(
      /story\.mdx: <Figure>: src="https:\/\/example\.com\/a\.jpg" is on another site/,
    );
  });
});

describe('mdxMediaProblems (npm run check:content)', () => {
  const source = [
    '---',
    'id: 1',
    "title: 'الف'",
    '---',
    '',
    'متن.',
    '',
    '<Video src="./media/clip.webm" />',
    '',
    '<Gallery>',
    '  <Figure src="./images/missing.jpg" alt="ب" />',
    '</Gallery>',
  ].join('\n');

  it('finds the problems the build would stop at, each on its line', () => {
    const problems = mdxMediaProblems(source, 'content/articles/x.mdx', (file) => file === './media/clip.webm');
    expect(problems.map((p) => `${p.line}: ${p.field}: ${p.message}`)).toEqual([
      '8: <Video>: needs captions',
      '11: <Figure>: src="./images/missing.jpg" does not exist',
    ]);
  });

  it('reports a body that is not MDX as one problem, and reads no body without media', () => {
    const [problem] = mdxMediaProblems('<Figure src="./a.jpg"\n', 'x.mdx', () => true);
    expect(problem).toMatchObject({ file: 'x.mdx', field: 'body' });
    expect(problem!.message).toMatch(/^cannot be read as MDX: /);
    expect(mdxMediaProblems('متن <span>بی عکس</span>\n', 'x.mdx', () => false)).toEqual([]);
  });
});

describe('a Markdown picture with a title', () => {
  const render = (md: string) => markdownToHtml(md, { hastPlugins: [mediaComponentsPlugin] }).html.trim();

  it('becomes a figure credited to the title', () => {
    expect(render('![بازار](./a.jpg "عکس: علي رضایی")')).toBe(
      '<figure class="body-figure"><img src="./a.jpg" alt="بازار"><figcaption class="body-figure__credit" data-pagefind-ignore="">عکس: علی رضایی</figcaption></figure>',
    );
  });

  it('stays as it is without a title, or inside running text', () => {
    expect(render('![بازار](./a.jpg)')).toBe('<p><img src="./a.jpg" alt="بازار"></p>');
    expect(render('متن ![بازار](./a.jpg "علی") متن')).toContain('title="علی"');
  });
});

describe('media files', () => {
  it('knows the type of each kind of file', () => {
    expect(mediaType('video', '/_astro/clip.Ab12.webm')).toBe('video/webm');
    expect(mediaType('audio', './talk.OPUS')).toBe('audio/ogg');
    expect(mediaType('audio', './talk.webm')).toBe('audio/webm');
    expect(mediaType('image', './clip.webm')).toBeUndefined();
  });

  it('shows a credit once labelled, in Persian letters', () => {
    expect(creditName('  عکس:  علي   رضایی ')).toBe('علی رضایی');
    expect(creditName('ویدیو: تحریریه')).toBe('تحریریه');
    expect(creditName('Reuters')).toBe('Reuters');
  });
});
