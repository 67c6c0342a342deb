import { beforeAll, describe, expect, it } from 'vitest';
import { findPlacements } from '../../../main/services/pdf/layout/find-placements.ts';
import type { Rect } from '../../../main/services/pdf/placement.ts';
import { visualRect } from '../../support/corpus/check-placement.ts';
import { buildCorpus, type CorpusEntry } from '../../support/corpus/corpus.ts';

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

describe('number and date boxes on every corpus document', () => {
  let corpus: CorpusEntry[] = [];
  beforeAll(async () => {
    corpus = await buildCorpus();
  }, 120_000);

  it('includes wrapped date lines and pages turned after the fact', () => {
    expect(corpus.some((e) => e.id.includes('ngay-xuong-dong') && e.producer === 'pdftocairo')).toBe(true);
    expect(corpus.some((e) => e.id === 'lo-cv-kt-1+xoay90-sau')).toBe(true);
  });

  it('finds both boxes on the printed lines, every line of a wrapped date included', async () => {
    const misses: string[] = [];
    for (const entry of corpus) {
      const frame = entry.frames[0];
      if (frame === undefined) {
        throw new Error(`${entry.id}: no page 1`);
      }
      const { fields } = await findPlacements(entry.bytes);
      for (const [kind, truth] of [
        ['so', entry.truth.soLine],
        ['ngay', entry.truth.dateLine],
      ] as const) {
        const field = fields.find((f) => f.kind === kind);
        if (field === undefined) {
          misses.push(`${entry.producer}/${entry.id}: no ${kind}`);
          continue;
        }
        const box = visualRect(frame, field.placement.rect);
        const line = visualRect(frame, truth);
        const o = overlap(box, line);
        // The box lies on the line(s) and spans their height: a wrapped date's two lines, not one.
        if (o.width * o.height < 0.5 * box.width * box.height || o.height < 0.8 * line.height) {
          misses.push(`${entry.producer}/${entry.id}: ${kind} box ${JSON.stringify(box)} vs ${JSON.stringify(line)}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });
});
