import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  containsSequence,
  covered,
  glossaryTerms,
  otherSpellings,
  vietnameseRuns,
  wordsOf,
} from '../../support/names/vietnamese-words.ts';

/**
 * One spelling per concept (issue #18 point 6): every Vietnamese word in an identifier of the
 * shipped code is spelled by `docs/glossary.md`, and no concept of the glossary is spelled a second
 * way (run together, or cut to initials). How a word is found to be Vietnamese is explained in
 * tests/support/names/vietnamese-words.ts. Identifiers are read with the TypeScript parser, so
 * strings and comments (where Vietnamese text belongs) are not counted.
 */
const ROOT = join(import.meta.dirname, '../../..');
const FOLDERS = ['main', 'preload', 'renderer', 'server', 'native'];
const GLOSSARY = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');

/**
 * A string of two or more lower-case words joined by `-` is a slug the code compares and stores
 * (a state `da-cap-so`, a screen `van-ban-den`, a rule `han-tra-loi`): an identifier in all but
 * the parser's name, so it is held to the glossary too. Text for people has diacritics and spaces
 * and is not a slug.
 */
const SLUG = /^[a-z]+(-[a-z]+)+$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' ? [] : sources(path);
    }
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every identifier and slug of the five folders, with the files it appears in. */
function identifiers(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of FOLDERS.flatMap((folder) => sources(join(ROOT, folder)))) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || (ts.isStringLiteral(node) && SLUG.test(node.text))) {
        const files = found.get(node.text) ?? new Set<string>();
        files.add(relative(ROOT, file));
        found.set(node.text, files);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function where(files: ReadonlySet<string>): string {
  const list = [...files].sort();
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} …` : list.join(', ');
}

/** The identifiers whose Vietnamese words the glossary does not spell. */
function uncovered(ids: Map<string, Set<string>>, terms: ReadonlySet<string>): string[] {
  return [...ids]
    .flatMap(([id, files]) =>
      vietnameseRuns(wordsOf(id))
        .filter((run) => !covered(run, terms))
        .map((run) => `${id} (“${run.join(' ')}”) in ${where(files)}`),
    )
    .sort();
}

/**
 * The product's own name (the package, `window.vanthu`, `VanthuError`) is `vanthu` run together
 * on purpose: it names the program, not the văn thư's role (`vanThu`).
 */
const PRODUCT_NAME = 'vanthu';

/** The identifiers that spell a glossary term a second way. */
function secondSpellings(ids: Map<string, Set<string>>, terms: ReadonlySet<string>): string[] {
  const variants = [...terms].flatMap((term) =>
    otherSpellings(term.split(' '))
      .filter((variant) => variant.join(' ') !== PRODUCT_NAME)
      .map((variant) => ({ term, variant })),
  );
  return [...ids]
    .flatMap(([id, files]) => {
      const words = wordsOf(id);
      return variants
        .filter(({ variant }) => containsSequence(words, variant))
        .map(({ term }) => `${id} in ${where(files)} spells “${term}” a second way`);
    })
    .sort();
}

describe('the glossary covers every Vietnamese identifier (#18)', () => {
  const terms = glossaryTerms(GLOSSARY);
  const ids = identifiers();

  it('spells every Vietnamese word of an identifier in main, preload, renderer, server, native', () => {
    expect(uncovered(ids, terms)).toEqual([]);
  });

  it('has one spelling per concept: none run together or cut to initials', () => {
    expect(secondSpellings(ids, terms)).toEqual([]);
  });

  it('the check itself names an unknown word and a second spelling', () => {
    const sample = new Map([
      ['soDenTam', new Set(['a.ts'])],
      ['vbDen', new Set(['b.ts'])],
      ['kyhieuText', new Set(['c.ts'])],
      ['getSoDen', new Set(['d.ts'])],
      ['toString', new Set(['e.ts'])],
    ]);
    const small = new Set(['so den', 'van ban den', 'ky hieu', 'van ban']);
    expect(uncovered(sample, small)).toEqual(['soDenTam (“so den tam”) in a.ts', 'vbDen (“den”) in b.ts']);
    expect(secondSpellings(sample, small)).toEqual([
      'kyhieuText in c.ts spells “ky hieu” a second way',
      'vbDen in b.ts spells “van ban den” a second way',
    ]);
  });
});

describe('"cấp số" and writing the number into the PDF are two operations with two names (#18)', () => {
  /** The identifier cell of the glossary row whose Vietnamese cell is `vietnamese`. */
  const row = (vietnamese: string): string =>
    GLOSSARY.split('\n')
      .find((line) => line.startsWith(`| ${vietnamese} |`))
      ?.split('|')[2]
      ?.trim() ?? '';

  it('the glossary gives each its own identifier, and the code uses both', () => {
    const take = row('cấp số');
    const write = row('ghi số, ký hiệu và ngày vào văn bản');
    expect(take).toContain('`issueNumber`');
    expect(take).toContain('`outgoing.issueNumber`');
    expect(take).toContain('`issue-number`');
    expect(write).toContain('`writeNumber`');
    expect(write).toContain('`signing.writeNumber`');
    expect(write).toContain('`pdf/sign/write-number.ts`');
    expect(take).not.toContain('writeNumber');
    expect(write).not.toContain('issueNumber');
    const code = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
    expect(code('main/services/store/store.ts')).toContain('issueNumber(id: string)');
    expect(code('preload/contract/workflow.ts')).toContain("'outgoing.issueNumber'");
    expect(code('preload/contract/office-roles.ts')).toContain("'issue-number'");
    expect(code('preload/contract/signing.ts')).toContain("'signing.writeNumber'");
    expect(code('main/services/pdf/sign/write-number.ts')).toContain('export async function writeNumber(');
  });

  it('no source file names either operation by its old name', () => {
    const old = /'(outgoing|signing|issuing)\.number'|\bnumberPdf\b|pdf\/sign\/number\.ts/;
    const files = FOLDERS.flatMap((folder) => sources(join(ROOT, folder)));
    expect(files.filter((file) => old.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file))).toEqual(
      [],
    );
  });
});
