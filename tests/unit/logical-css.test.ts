/**
 * Bayegan's CSS uses logical properties only, so the layout follows the reading direction.
 * This scans every stylesheet and <style> block in src/ for physical left/right properties.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(import.meta.dirname, '../../src');

/** Physical declarations, each with the logical property to use instead. */
const PHYSICAL = [
  {
    pattern: /\b(margin|padding|border|scroll-margin|scroll-padding)-(left|right)\b/,
    instead: '…-inline-start / …-inline-end',
  },
  { pattern: /\bborder-(top|bottom)-(left|right)-radius\b/, instead: 'border-start-start-radius and friends' },
  { pattern: /(^|[\s;{])(left|right)\s*:/, instead: 'inset-inline-start / inset-inline-end' },
  { pattern: /\b(text-align|float|clear)\s*:\s*(left|right)\b/, instead: 'start / end (or inline-start / inline-end)' },
  {
    pattern: /\b(margin|padding)\s*:\s*([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s*[;}]/,
    instead: 'margin-block / margin-inline',
  },
];

function physicalDeclarations(css: string): string[] {
  const found: string[] = [];
  css.split('\n').forEach((line, index) => {
    const code = line.replace(/\/\*.*?\*\//g, '');
    for (const { pattern, instead } of PHYSICAL) {
      const match = pattern.exec(code);
      if (!match) continue;
      // A four-value shorthand is only physical when its left and right values differ.
      if (match[0].match(/^(margin|padding)\s*:/) && match[3] === match[5]) continue;
      found.push(`line ${index + 1}: "${code.trim()}" — use ${instead}`);
    }
  });
  return found;
}

function styleSources(dir: string): { file: string; css: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(css|astro)$/.test(file))
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const css = file.endsWith('.css')
        ? text
        : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
      return { file, css };
    });
}

describe('logical CSS only', () => {
  it('finds physical properties when they are there', () => {
    expect(physicalDeclarations('a { margin-left: 1rem; }')).toHaveLength(1);
    expect(physicalDeclarations('a { text-align: right; }')).toHaveLength(1);
    expect(physicalDeclarations('a { position: absolute; left: 0; }')).toHaveLength(1);
    expect(physicalDeclarations('a { padding: 0 1rem 0 2rem; }')).toHaveLength(1);
    expect(physicalDeclarations('a { border-top-right-radius: 2px; }')).toHaveLength(1);
    expect(
      physicalDeclarations(
        'a { margin-inline-start: 1rem; text-align: start; inset-inline-end: 0; padding: 0 1rem 0 1rem; }',
      ),
    ).toEqual([]);
  });

  it('src/ has no physical left/right declarations', () => {
    const sources = styleSources(srcDir);
    expect(sources.length).toBeGreaterThan(5);
    const problems = sources.flatMap(({ file, css }) => physicalDeclarations(css).map((p) => `${file} ${p}`));
    expect(problems).toEqual([]);
  });
});
