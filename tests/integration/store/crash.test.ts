import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath, sha256Of } from '../../../main/services/store/attachments.ts';
import { verifyAudit } from '../../../main/services/store/audit.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { tempDir } from './helpers.ts';
import { runAndKill } from './kill-child.ts';

const CHILD = join(import.meta.dirname, 'crash-child.ts');
const RUNS = 100;

describe('crash safety', () => {
  it(
    `keeps every acknowledged registration through ${RUNS} SIGKILLs, with no number used twice`,
    { timeout: 600_000 },
    async () => {
      const dir = tempDir('vanthu-crash-');
      const compileCache = tempDir('vanthu-crash-cache-');
      const acknowledged = new Map<string, { soDen: string; soDenTam: string }>();
      let killedMidStream = 0;
      for (let run = 1; run <= RUNS; run += 1) {
        const delay = Math.floor(Math.random() * 40);
        const acks = await runAndKill(CHILD, dir, run, delay, compileCache);
        if (acks.length > 0) {
          killedMidStream += 1;
        }
        for (const line of acks) {
          const [, id, soDen, soDenTam] = line.split(' ');
          acknowledged.set(id ?? '', { soDen: soDen ?? '', soDenTam: soDenTam ?? '' });
        }

        const db = openDatabase(join(dir, 'vanthu.sqlite'));
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const rows = db.prepare(`SELECT id, so_den, so_den_tam, file_sha256 FROM incoming_documents`).all() as {
            id: string;
            so_den: number | null;
            so_den_tam: number | null;
            file_sha256: string | null;
          }[];
          const byId = new Map(rows.map((r) => [r.id, r]));
          for (const [id, ack] of acknowledged) {
            const row = byId.get(id);
            expect(row, `acknowledged ${id} lost after run ${run}`).toBeDefined();
            expect(String(row?.so_den ?? '-')).toBe(ack.soDen);
            expect(String(row?.so_den_tam ?? '-')).toBe(ack.soDenTam);
          }
          // Final numbers are 1..n with no gap and no repeat; provisional ones likewise.
          const finals = rows.flatMap((r) => (r.so_den === null ? [] : [r.so_den])).sort((a, b) => a - b);
          expect(finals).toEqual(finals.map((_, i) => i + 1));
          const provisionals = rows.flatMap((r) => (r.so_den_tam === null ? [] : [r.so_den_tam])).sort((a, b) => a - b);
          expect(provisionals).toEqual(provisionals.map((_, i) => i + 1));
          expect(verifyAudit(db)).toMatchObject({ ok: true, entries: rows.length });
          const jobs = db.prepare(`SELECT count(*) FROM outbox_jobs WHERE kind = 'incoming.register'`).pluck().get();
          expect(jobs).toBe(rows.length);
          for (const row of rows) {
            if (row.file_sha256 !== null) {
              expect(sha256Of(readFileSync(attachmentPath(join(dir, 'files'), row.file_sha256)))).toBe(row.file_sha256);
            }
          }
        } finally {
          db.close();
        }
      }
      const db = openDatabase(join(dir, 'vanthu.sqlite'));
      const total = db.prepare(`SELECT count(*) FROM incoming_documents`).pluck().get() as number;
      const provisional = db
        .prepare(`SELECT count(*) FROM incoming_documents WHERE so_den IS NULL`)
        .pluck()
        .get() as number;
      db.close();
      // Not a timing assertion: the figures show the test exercised what it claims.
      console.info(
        `crash test: ${RUNS} kills, ${killedMidStream} during registrations, ${total} documents, ${provisional} provisional`,
      );
      expect(killedMidStream).toBe(RUNS);
      expect(total).toBeGreaterThanOrEqual(acknowledged.size);
      expect(provisional).toBeGreaterThan(0);
    },
  );
});
