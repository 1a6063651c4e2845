/**
 * Differential test against Virastar (issue 18): Virastar and Bayegan's fixer run over every prose
 * line of the sample content and of a 1,000-article generated corpus (and over a sixth of the corpus
 * again with common slips typed in), and every place their results differ must be settled by a
 * deliberate choice of src/lib/persian/typography/virastar-choices.ts. A new unexplained difference
 * fails, naming the line.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Virastar from 'virastar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, writeCorpus } from '../../scripts/corpus.ts';
import {
  articleProseUnits,
  dataProseUnits,
  fixProseUnit,
  protectedSpans,
  type ProseUnit,
} from '../../src/lib/persian/typography';
import {
  settleDisagreement,
  VIRASTAR_CHOICES,
  type Disagreement,
} from '../../src/lib/persian/typography/virastar-choices';
import { disagreements } from '../helpers/text-diff';
import { projectRoot } from '../helpers/build-site';
import { atLeast } from '../helpers/at-least';
import { toAsciiDigits } from '../../src/lib/persian/digits';
import { PERSIAN_DIGIT, ZWNJ as Z } from '../../src/lib/persian/script';

const virastar = new Virastar();
/** Virastar's result for each distinct line (a quarter of the corpus's lines repeat), computed once. */
const virastarCache = new Map<string, string>();
const cleanup = (text: string) => {
  let result = virastarCache.get(text);
  if (result === undefined) virastarCache.set(text, (result = virastar.cleanup(text)));
  return result;
};

interface Line {
  /** `file:line`, for the report. */
  where: string;
  text: string;
  kind: ProseUnit['kind'];
  mdx: boolean;
}

/** Every prose line of the articles, sections and reporters under `dir`. */
function proseLines(dir: string, shown: string): Line[] {
  const lines: Line[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const article = /^articles[\\/].*\.mdx?$/.test(file);
    if (!article && !/^(categories|authors)[\\/].*\.ya?ml$/.test(file)) continue;
    const source = readFileSync(path.join(dir, file), 'utf8');
    const mdx = file.endsWith('.mdx');
    const sourceLines = source.split('\n');
    for (const unit of article ? articleProseUnits(source, { mdx }) : dataProseUnits(source)) {
      const text = sourceLines[unit.line - 1]!.slice(unit.start, unit.end);
      lines.push({ where: `${shown}/${file}:${unit.line}`, text, kind: unit.kind, mdx });
    }
  }
  return lines;
}

/** The disagreements of one line, each with what settles it. */
function compare({ text, kind, mdx }: Omit<Line, 'where'>) {
  const findings: Disagreement['findings'][number][] = [];
  const ours = fixProseUnit(text, kind, mdx, (rule, safety, before, after) =>
    findings.push({ rule, safety, before, after }),
  );
  const theirs = cleanup(text);
  const spans = kind === 'markdown' ? protectedSpans(text, mdx) : [];
  return disagreements(text, ours, theirs).map((region) => {
    const d: Disagreement = { ...region, at: region.before.length, protectedSpans: spans, findings };
    return { d, ...settleDisagreement(d) };
  });
}

/** Common slips typed into a correct line, seeded: ZWNJ as a space, Arabic letters, ASCII digits… */
function withSlips(text: string, random: () => number): string {
  const maybe = (p: number) => random() < p;
  return text
    .replace(new RegExp(Z, 'g'), () => (maybe(0.35) ? ' ' : maybe(0.05) ? '' : maybe(0.05) ? '\u00ad' : Z))
    .replace(/ی/g, (ch) => (maybe(0.08) ? 'ي' : maybe(0.01) ? 'ے' : ch))
    .replace(/ک/g, (ch) => (maybe(0.08) ? 'ك' : ch))
    .replace(new RegExp(`${PERSIAN_DIGIT}+`, 'g'), (n) => (maybe(0.3) ? toAsciiDigits(n) : n))
    .replace(/،/g, (ch) => (maybe(0.2) ? ',' : maybe(0.05) ? ' ،' : ch))
    .replace(/؟/g, (ch) => (maybe(0.3) ? '?' : maybe(0.1) ? '؟؟؟' : ch))
    .replace(/؛/g, (ch) => (maybe(0.2) ? ';' : ch))
    .replace(/«([^«»]*)»/g, (quote, inner: string) => (maybe(0.3) ? `"${inner}"` : maybe(0.1) ? `« ${inner} »` : quote))
    .replace(/هٔ/g, (ezafe) => (maybe(0.2) ? 'ه ی' : maybe(0.1) ? 'هء' : maybe(0.1) ? 'ۀ' : ezafe))
    .replace(/\.(?=\s|$)/g, (dot) => (maybe(0.03) ? '...' : maybe(0.04) ? ' .' : dot))
    .replace(/ /g, (space) => (maybe(0.02) ? '  ' : space));
}

let corpusDir = '';
let sample: Line[] = [];
let corpus: Line[] = [];

beforeAll(() => {
  corpusDir = mkdtempSync(path.join(tmpdir(), 'bayegan-virastar-'));
  writeCorpus({ dir: corpusDir, count: 1000, seed: 18, force: false });
  sample = proseLines(path.join(projectRoot, 'content'), 'content');
  corpus = proseLines(corpusDir, 'corpus');
});

afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));

/** Lines whose differences no deliberate choice explains, as a readable report. */
function unexplained(lines: readonly Line[]): string[] {
  const report: string[] = [];
  for (const line of lines) {
    for (const { d, explained, rest } of compare(line)) {
      if (explained) continue;
      report.push(
        `${line.where}: «${d.original}» → Virastar «${d.virastar}», Bayegan «${d.ours}» (left: «${rest.virastar}» / «${rest.ours}»)`,
      );
    }
  }
  return report;
}

describe('Bayegan and Virastar differ only where the table of deliberate choices says', () => {
  it('over every prose line of the sample content', () => {
    expect(sample.length).toBeGreaterThan(100);
    expect(unexplained(sample)).toEqual([]);
  });

  it('over every prose line of a 1,000-article generated corpus', () => {
    expect(corpus.length).toBeGreaterThan(10_000);
    expect(unexplained(corpus)).toEqual([]);
  });

  it('over a sixth of the corpus with common slips typed in', () => {
    const random = mulberry32(18);
    const slipped = corpus
      .filter((_, index) => index % 6 === 0)
      .map((line) => ({ ...line, text: withSlips(line.text, random) }));
    expect(unexplained(atLeast(1000, slipped, 'lines with slips'))).toEqual([]);
  });
});

describe('the table of deliberate choices', () => {
  for (const choice of VIRASTAR_CHOICES) {
    it(`${choice.id}: its example is what both tools do, and the choice explains it`, () => {
      const { text, virastar: expectedVirastar, bayegan } = choice.example;
      expect(virastar.cleanup(text)).toBe(expectedVirastar);
      expect(fixProseUnit(text, 'markdown', false, () => {})).toBe(bayegan);
      const results = compare({ text, kind: 'markdown', mdx: false });
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((result) => result.explained)).toBe(true);
      expect(results.some((result) => result.used.includes(choice.id))).toBe(true);
    });
  }

  it('leaves a difference no choice covers unexplained', () => {
    const d: Disagreement = {
      original: 'کتاب',
      ours: 'کتاب',
      virastar: 'دفتر',
      before: 'این ',
      after: ' است',
      at: 4,
      protectedSpans: [],
      findings: [],
    };
    expect(settleDisagreement(d).explained).toBe(false);
  });
});
