import { foldVietnamese } from '../../domain/fold.ts';
import type { StoreContext } from './store-context.ts';

/** A past incoming document like the one at hand, and whom it was given to (chủ trì). */
export interface SimilarAssigned {
  readonly id: string;
  readonly soKyHieu: string;
  readonly trichYeu: string;
  readonly chuTri: string;
  /** bm25 relevance, larger is closer (FTS5's bm25 is negative-better; the sign is flipped). */
  readonly score: number;
}

/**
 * Words that say nothing about the subject: the tên loại (the search column holds it in front
 * of the trích yếu) and the grammar of a trích yếu ("về việc … của … năm …"), folded.
 */
const STOPWORDS = new Set(
  (
    've viec cua va cac nam cho voi trong nhung mot duoc la co de tu den so ngay thang tai theo tren ' +
    'quyet dinh cong van to trinh thong bao giay moi ke hoach bao cao chi thi huong dan v/v vv nay khi'
  ).split(' '),
);

/** The subject words of a trích yếu, folded: no grammar words, no numbers or years. */
export function subjectWords(trichYeu: string): Set<string> {
  return new Set(
    foldVietnamese(trichYeu)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !/^\d+$/u.test(w) && !STOPWORDS.has(w)),
  );
}

/** The FTS5 query for "any of the subject words of this trích yếu", or null when none is left. */
export function similarityQuery(trichYeu: string): string | null {
  const words = [...subjectWords(trichYeu)];
  return words.length === 0 ? null : `trich_yeu : (${words.map((w) => `"${w}"`).join(' OR ')})`;
}

/** One shared word ("hội") is chance; two make a likeness worth showing. */
const MIN_SHARED = 2;

/**
 * Past incoming documents whose trích yếu shares the most telling words with `trichYeu` (FTS5
 * bm25 over the folded trích yếu), each with the chủ trì of its latest phân công; only documents
 * that were assigned count, never the document itself, and only with two subject words in common.
 */
export function similarAssigned(ctx: StoreContext, id: string, trichYeu: string, limit = 8): SimilarAssigned[] {
  const query = similarityQuery(trichYeu);
  if (query === null) {
    return [];
  }
  const rows = ctx.db
    .prepare(
      `SELECT d.id, d.so, d.ky_hieu, d.trich_yeu, a.chu_tri, bm25(incoming_fts) AS rank
         FROM incoming_fts
         JOIN incoming_documents d ON d.doc_no = incoming_fts.rowid
         JOIN incoming_assignments a
           ON a.seq = (SELECT max(seq) FROM incoming_assignments WHERE incoming_id = d.id)
        WHERE incoming_fts MATCH ? AND d.id <> ?
        ORDER BY rank LIMIT ?`,
    )
    .all(query, id, limit) as Array<{
    id: string;
    so: string;
    ky_hieu: string;
    trich_yeu: string;
    chu_tri: string;
    rank: number;
  }>;
  const mine = subjectWords(trichYeu);
  const shared = (other: string): number => [...subjectWords(other)].filter((w) => mine.has(w)).length;
  return rows
    .filter((r) => shared(r.trich_yeu) >= MIN_SHARED)
    .map((r) => ({
      id: r.id,
      soKyHieu: r.ky_hieu === '' ? r.so : `${r.so}/${r.ky_hieu}`,
      trichYeu: r.trich_yeu,
      chuTri: r.chu_tri,
      score: -r.rank,
    }));
}
