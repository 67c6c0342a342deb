/**
 * Finds the Vietnamese words in identifiers, for the glossary check (tests/unit/docs/glossary.test.ts).
 *
 * The rule, and why it is sound enough to fail a build on:
 * - An identifier is split into words at camelCase/PascalCase humps, `_`, `-`, digits and `$`
 *   (`soDenTam`, `so_den_tam`, `SO_DEN_TAM` and `so-den-tam` all give `so den tam`: one spelling).
 * - Vietnamese written without diacritics is made of syllables of a closed shape: an onset
 *   (b, ch, gh, gi, kh, ng, ngh, nh, ph, qu, th, tr …), a vowel nucleus (a, ie, uo, oai, uye …) and
 *   an optional ending (c, ch, m, n, ng, nh, p, t). `SYLLABLE` is that shape. Most English words
 *   do not fit it (`string`, `path`, `handle`, `register`); the few that do and are used as English
 *   or as short variable names in the code are listed in `NOT_VIETNAMESE`, kept small and explicit.
 *   A word of one letter is never counted (coordinates, loop indices).
 * - The syllable-shaped words of an identifier that stand together form a run when one of them is
 *   not on that list (`maDinhDanhVanBan` → `ma dinh danh van ban`; `doKhan` → `do khan`, where
 *   `do` is the syllable độ). A run is covered when, English words at its ends set aside
 *   (`get` of `getSoDen`), it splits into terms the glossary's identifier column spells.
 */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(ieu|yeu|oai|oay|oeo|uay|uoi|uou|uyu|ai|ao|au|ay|eo|eu|iu|oi|ui|uu|((uye|uya|ie|ye|oa|oe|oo|ua|ue|uo|uy|ia|a|e|i|o|u|y)(ng|nh|ch|[cmnpt])?))$/;

/** English words and short variable names of the code that happen to fit the syllable shape. */
const NOT_VIETNAMESE: ReadonlySet<string> = new Set(
  (
    'ap at be bit by ca can cap cat cut day dec do doc dot dup dy ec em gap gen get go got hi hit ' +
    'hung im in lang le len li lo long loop mac map may me mi min mo moon na nap net no non not num oem om ' +
    'on op pa pem pi pin pop put quiet quit re rich room root run ry sep set sin sum sun sy the ' +
    'then tip to too top trim true try ty ue up vi via yet ten'
  ).split(' '),
);

/** The words of an identifier, lower-cased. */
export function wordsOf(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

function isSyllable(word: string): boolean {
  return word.length > 1 && SYLLABLE.test(word);
}

/**
 * The runs of an identifier: its longest stretches of syllable-shaped words holding at least one
 * word that is not on the English list (`getSoDen` → `get so den`; `toString` → none).
 */
export function vietnameseRuns(words: readonly string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  const close = (): void => {
    if (run.some((w) => !NOT_VIETNAMESE.has(w))) {
      runs.push(run);
    }
    run = [];
  };
  for (const w of words) {
    if (isSyllable(w)) {
      run.push(w);
    } else {
      close();
    }
  }
  close();
  return runs;
}

/** Whether words split wholly into terms of the glossary (each a space-joined word sequence). */
function splits(words: readonly string[], terms: ReadonlySet<string>): boolean {
  const ok: boolean[] = [true];
  for (let end = 1; end <= words.length; end++) {
    ok[end] = false;
    for (let start = 0; start < end && !ok[end]; start++) {
      ok[end] = ok[start] === true && terms.has(words.slice(start, end).join(' '));
    }
  }
  return ok[words.length] === true;
}

/**
 * Whether a run is covered: it splits into glossary terms once English words at its ends are set
 * aside (`get` in `getSoDen`); an English-looking word inside a term stays (`the` of `theThuc`).
 */
export function covered(run: readonly string[], terms: ReadonlySet<string>): boolean {
  for (let start = 0; start <= run.length; start++) {
    if (start > 0 && !NOT_VIETNAMESE.has(run[start - 1] ?? '')) {
      break;
    }
    for (let end = run.length; end > start; end--) {
      if (splits(run.slice(start, end), terms)) {
        return true;
      }
      if (!NOT_VIETNAMESE.has(run[end - 1] ?? '')) {
        break;
      }
    }
  }
  return false;
}

/**
 * The second spellings a term of two words or more could take: its words run together as one
 * word (`kyhieu` for `kyHieu`), or two or more of them cut to their initials (`vbDen`, `mdd`).
 * Initials alone of two letters are left out: `dt`, `qh`, `ty` are coordinates and short locals
 * far more often than a concept. Each is a word sequence an identifier's words must not contain.
 */
export function otherSpellings(term: readonly string[]): string[][] {
  if (term.length < 2) {
    return [];
  }
  const found: string[][] = [[term.join('')]];
  for (let start = 0; start < term.length; start++) {
    for (let end = start + 2; end <= term.length; end++) {
      const initials = term
        .slice(start, end)
        .map((w) => w[0])
        .join('');
      const variant = [...term.slice(0, start), initials, ...term.slice(end)];
      if (variant.length > 1 || initials.length > 2) {
        found.push(variant);
      }
    }
  }
  return found;
}

/** Whether `words` holds `part` as consecutive words. */
export function containsSequence(words: readonly string[], part: readonly string[]): boolean {
  for (let i = 0; i + part.length <= words.length; i++) {
    if (part.every((w, k) => words[i + k] === w)) {
      return true;
    }
  }
  return false;
}

/** The terms the glossary's identifier column spells: every `code` span there, split into runs. */
export function glossaryTerms(markdown: string): Set<string> {
  const terms = new Set<string>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|');
    if (!line.startsWith('|') || cells.length < 4) {
      continue;
    }
    for (const [, code] of (cells[2] ?? '').matchAll(/`([^`]+)`/g)) {
      for (const run of vietnameseRuns(wordsOf(code ?? ''))) {
        terms.add(run.join(' '));
      }
    }
  }
  return terms;
}
