import type { ChuTriSuggestion } from '../../../preload/contract/hints.ts';
import type { SimilarAssigned } from '../store/similar-assigned.ts';

/**
 * Who should lead (chủ trì), from how the most similar past documents were assigned: each
 * similar document votes for its chủ trì with its relevance; units are ranked by their share.
 * The documents behind each vote travel with it, so the panel can say "giống văn bản số … đã
 * giao cho …" rather than give an unexplained name.
 */
export function suggestChuTri(similar: readonly SimilarAssigned[], limit = 3): ChuTriSuggestion[] {
  const total = similar.reduce((sum, s) => sum + Math.max(0, s.score), 0);
  if (total <= 0) {
    return [];
  }
  const byUnit = new Map<string, { weight: number; because: SimilarAssigned[] }>();
  for (const s of similar) {
    const key = s.chuTri.trim();
    const unit = byUnit.get(key) ?? { weight: 0, because: [] };
    unit.weight += Math.max(0, s.score);
    unit.because.push(s);
    byUnit.set(key, unit);
  }
  return [...byUnit]
    .sort((a, b) => b[1].weight - a[1].weight)
    .slice(0, limit)
    .map(([chuTri, unit]) => ({
      chuTri,
      confidence: Number((unit.weight / total).toFixed(2)),
      because: unit.because.slice(0, 3).map((s) => ({ id: s.id, soKyHieu: s.soKyHieu, trichYeu: s.trichYeu })),
    }));
}
