/**
 * A short extractive summary of a long document: its Điều headings, each cut at the end of its
 * first sentence. Nothing is written that the document does not say.
 */
export interface DieuHeading {
  readonly so: number;
  readonly text: string;
}

const DIEU = /^Điều\s+(\d{1,3})\s*[.:]?\s*(.*)$/u;
const MAX = 140;

/** Paragraphs from the document's lines: a new one where a line opens an Điều, khoản or list item. */
export function paragraphsOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const opens = /^(Điều\s+\d|Căn cứ|Nơi nhận|Theo đề nghị|\d+\.\s|[a-zđ]\)\s|-\s)/u.test(line);
    if (out.length === 0 || opens) {
      out.push(line);
    } else {
      out[out.length - 1] = `${out[out.length - 1]} ${line}`;
    }
  }
  return out;
}

export function dieuHeadings(paragraphs: readonly string[]): DieuHeading[] {
  const seen = new Set<number>();
  const out: DieuHeading[] = [];
  for (const paragraph of paragraphs) {
    const m = DIEU.exec(paragraph);
    if (m === null) {
      continue;
    }
    const so = Number(m[1]);
    if (seen.has(so)) {
      continue;
    }
    seen.add(so);
    const body = (m[2] ?? '').trim();
    const first = /^(.*?[.:;])(\s|$)/u.exec(body)?.[1] ?? body;
    const text = first.length > MAX ? `${first.slice(0, MAX - 1).trimEnd()}…` : first;
    out.push({ so, text });
  }
  return out;
}
