import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath, sha256Of } from '../../../main/services/store/attachments.ts';
import { verifyAudit } from '../../../main/services/store/audit.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { tempDir } from './helpers.ts';
import { runAndKill } from './kill-child.ts';

const CHILD = join(import.meta.dirname, 'appendix-crash-child.ts');
const RUNS = 20;

describe('attaching a phụ lục survives a crash', () => {
  it(
    `keeps every acknowledged appendix through ${RUNS} SIGKILLs; no row ever points at a missing or partial file`,
    { timeout: 300_000 },
    async () => {
      const dir = tempDir('vanthu-appendix-crash-');
      const compileCache = tempDir('vanthu-appendix-crash-cache-');
      const acknowledged = new Map<string, string>();
      let killedMidStream = 0;
      for (let run = 1; run <= RUNS; run += 1) {
        const acks = await runAndKill(CHILD, dir, run, Math.floor(Math.random() * 40), compileCache);
        killedMidStream += acks.length > 0 ? 1 : 0;
        for (const line of acks) {
          const [, id, sha256] = line.split(' ');
          acknowledged.set(sha256 ?? '', id ?? '');
        }
        const db = openDatabase(join(dir, 'vanthu.sqlite'));
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const rows = db
            .prepare(
              `SELECT p.outgoing_id, p.sha256, a.size FROM outgoing_appendices p
                 LEFT JOIN attachments a ON a.sha256 = p.sha256`,
            )
            .all() as { outgoing_id: string; sha256: string; size: number | null }[];
          const bySha = new Map(rows.map((r) => [r.sha256, r]));
          for (const [sha256, id] of acknowledged) {
            expect(bySha.get(sha256)?.outgoing_id, `acknowledged ${sha256} lost after run ${run}`).toBe(id);
          }
          for (const row of rows) {
            // Every listed appendix has its attachment row and its whole file, under its hash.
            const path = attachmentPath(join(dir, 'files'), row.sha256);
            expect(row.size).not.toBeNull();
            expect(existsSync(path)).toBe(true);
            expect(sha256Of(readFileSync(path))).toBe(row.sha256);
          }
          // One audit entry per attachment, in the same transactions: the chain holds.
          expect(verifyAudit(db).ok).toBe(true);
          const audited = db
            .prepare(`SELECT count(*) FROM audit_log WHERE action = 'outgoing.appendix.add'`)
            .pluck()
            .get();
          expect(audited).toBe(rows.length);
        } finally {
          db.close();
        }
      }
      // Not a timing assertion: the figures show the test exercised what it claims.
      console.info(`appendix crash test: ${RUNS} kills, ${killedMidStream} while attaching, ${acknowledged.size} kept`);
      expect(killedMidStream).toBe(RUNS);
    },
  );
});
