import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { attachmentPath, sha256Of } from '../../../main/services/store/attachments.ts';
import { verifyAudit } from '../../../main/services/store/audit.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore } from '../../../main/services/store/store.ts';
import { readChainFacts } from '../../../main/services/workflow/chain-checks.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { tempDir } from '../../integration/store/helpers.ts';
import { runAndKill } from '../../integration/store/kill-child.ts';
import { ORG } from './issuing-support.ts';

const pki = usePki();
const CHILD = join(import.meta.dirname, 'journey-crash-child.ts');
// npm test runs a short harness to keep the whole run inside its budget; VANTHU_JOURNEY_KILLS=100 runs the full one.
const RUNS = Number(process.env['VANTHU_JOURNEY_KILLS'] ?? 12);
/** Stages in order, and which a document in each state has recorded. */
const ORDER = ['du-thao', 'trinh-ky', 'da-ky', 'da-cap-so', 'da-dong-dau', 'da-phat-hanh'];
const STAGES: Readonly<Record<string, readonly string[]>> = {
  'du-thao': ['du-thao', 'nguon'],
  'trinh-ky': ['du-thao', 'nguon'],
  'da-ky': ['du-thao', 'nguon', 'da-ky'],
  'da-cap-so': ['du-thao', 'nguon', 'da-ky', 'da-cap-so'],
  'da-dong-dau': ['du-thao', 'nguon', 'da-ky', 'da-cap-so', 'da-dong-dau'],
  'da-phat-hanh': ['du-thao', 'nguon', 'da-ky', 'da-cap-so', 'da-dong-dau'],
};

function tokenEnv(): string {
  const of = (id: 'person' | 'org') => {
    const token = pki.certs[id]?.token;
    const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin ?? '';
    return {
      signer: { modulePath: pki.softhsm.module, token: { label: token?.label }, keyIdHex: token?.keyIdHex },
      pin,
    };
  };
  return JSON.stringify({ person: of('person'), org: of('org'), trust: [pki.subPem, pki.rootPem] });
}

/**
 * The children sign with a private copy of the run's SoftHSM2 tokens, restored before every run:
 * SIGKILL can leave SoftHSM's file store unreadable (a hardware token has no such store), and the
 * run's shared tokens must stay intact for the other hsm tests.
 */
function privateTokens(dir: string): { conf: string; restore: () => void } {
  const shared = /directories\.tokendir\s*=\s*(.+)/.exec(readFileSync(pki.softhsm.conf, 'utf8'))?.[1]?.trim() ?? '';
  const tokens = join(dir, 'tokens');
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const restore = () => {
    rmSync(tokens, { recursive: true, force: true });
    cpSync(shared, tokens, { recursive: true });
  };
  return { conf, restore };
}

interface Row {
  id: string;
  state: string;
  so: number | null;
  file_sha256: string | null;
}

/** Every document in exactly one consistent state; returns the numbers given and the pending rows. */
async function checkConsistent(profileDir: string, acked: ReadonlyMap<string, { state: string; so: string }>) {
  const files = join(profileDir, 'files');
  const db = openDatabase(join(profileDir, 'vanthu.sqlite'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    const rows = db.prepare(`SELECT id, state, so, file_sha256 FROM outgoing_documents`).all() as Row[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, ack] of acked) {
      const row = byId.get(id);
      expect(row, `acknowledged ${id} lost`).toBeDefined();
      // What was acknowledged stays done: the state never goes back.
      expect(ORDER.indexOf(row?.state ?? '')).toBeGreaterThanOrEqual(ORDER.indexOf(ack.state));
      if (ack.so !== '-') {
        expect(String(row?.so)).toBe(ack.so);
      }
    }
    const stageRows = db.prepare(`SELECT document_id, stage, sha256 FROM outgoing_files`).all() as {
      document_id: string;
      stage: string;
      sha256: string;
    }[];
    for (const row of rows) {
      const mine = stageRows.filter((s) => s.document_id === row.id);
      expect(mine.map((s) => s.stage).sort(), `${row.id} in ${row.state}`).toEqual(
        [...(STAGES[row.state] ?? [])].sort(),
      );
      const last = (STAGES[row.state] ?? []).filter((s) => s !== 'nguon').at(-1);
      expect(row.file_sha256).toBe(mine.find((s) => s.stage === last)?.sha256);
      for (const s of mine) {
        expect(sha256Of(readFileSync(attachmentPath(files, s.sha256)))).toBe(s.sha256);
      }
      // A number only once the leader signed (reserved at cấp số, possibly before the file was recorded).
      if (ORDER.indexOf(row.state) < ORDER.indexOf('da-ky')) {
        expect(row.so).toBeNull();
      }
      if (ORDER.indexOf(row.state) >= ORDER.indexOf('da-cap-so')) {
        expect(row.so).not.toBeNull();
      }
    }
    // No number used twice, none lost: the numbers given are exactly 1..n.
    const numbers = rows.flatMap((r) => (r.so === null ? [] : [r.so])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // Published exactly once each.
    const publications = db
      .prepare(`SELECT json_extract(payload, '$.documentId') FROM outbox_jobs WHERE kind = 'outgoing.publish'`)
      .pluck()
      .all() as string[];
    expect(publications.sort()).toEqual(
      rows
        .filter((r) => r.state === 'da-phat-hanh')
        .map((r) => r.id)
        .sort(),
    );
    // A signed file in the store that no record knows must be an announced output (recovery's to settle).
    const referenced = new Set(db.prepare(`SELECT sha256 FROM attachments`).pluck().all() as string[]);
    const pending = new Set(db.prepare(`SELECT sha256 FROM issuing_pending`).pluck().all() as string[]);
    const stored = existsSync(files)
      ? readdirSync(files, { recursive: true, encoding: 'utf8' }).filter((f) => /[0-9a-f]{64}$/.test(f))
      : [];
    const orphanSigned: string[] = [];
    for (const name of stored) {
      const sha = name.slice(-64);
      if (
        !referenced.has(sha) &&
        !pending.has(sha) &&
        (await readChainFacts(readFileSync(join(files, name)))).signatures.length > 0
      ) {
        orphanSigned.push(sha);
      }
    }
    expect(orphanSigned).toEqual([]);
    return { rows, pending: pending.size };
  } finally {
    db.close();
  }
}

describe('the issuing journey under SIGKILL (#15)', () => {
  it(
    `every document ends in exactly one consistent state through ${RUNS} kills: no orphaned signed file, no number used twice`,
    { timeout: 1_800_000 },
    async () => {
      const dir = tempDir('vanthu-journey-crash-');
      const profileDir = join(dir, 'profile');
      const compileCache = tempDir('vanthu-journey-cache-');
      process.env['VANTHU_CRASH_TOKENS'] = tokenEnv();
      const hsm = privateTokens(tempDir('vanthu-journey-hsm-'));
      const sharedConf = process.env['SOFTHSM2_CONF'];
      process.env['SOFTHSM2_CONF'] = hsm.conf;
      const seeded = openDatabase(join(profileDir, 'vanthu.sqlite'));
      const store = createStore({ db: seeded, filesDir: join(profileDir, 'files'), maDinhDanh: ORG });
      // real time: the child's services number in the year of their own clock.
      const register = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'di', year: vietnamYear(new Date()) });
      store.context.registers.addLease(register.id, { firstNumber: 1, lastNumber: null });
      seeded.close();

      const acked = new Map<string, { state: string; so: string }>();
      let pendingSeen = 0;
      for (let run = 1; run <= RUNS; run += 1) {
        hsm.restore();
        const delay = Math.floor(Math.random() * 2500);
        const lines = await runAndKill(CHILD, profileDir, run, delay, compileCache);
        for (const line of lines) {
          const [, id, state, so] = line.split(' ');
          acked.set(id ?? '', { state: state ?? '', so: so ?? '-' });
        }
        const { pending } = await checkConsistent(profileDir, acked);
        pendingSeen += pending;
      }
      // Recovery settles whatever the last kill left: nothing pending, nothing unknown.
      hsm.restore();
      const last = spawnSync(process.execPath, [CHILD, profileDir, 'recover'], {
        env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
        encoding: 'utf8',
      });
      process.env['SOFTHSM2_CONF'] = sharedConf;
      expect(last.status, last.stderr).toBe(0);
      const { rows, pending } = await checkConsistent(profileDir, acked);
      expect(pending).toBe(0);
      const published = rows.filter((r) => r.state === 'da-phat-hanh').length;
      // Not a timing assertion: the figures show the test exercised what it claims.
      console.info(
        `journey crash test: ${RUNS} kills, ${rows.length} documents, ${published} published, ` +
          `${acked.size} acknowledged, announced-but-unrecorded outputs seen after kills: ${pendingSeen}`,
      );
      // A short smoke run (VANTHU_JOURNEY_KILLS=3) may not get a document all the way through.
      expect(published).toBeGreaterThan(RUNS >= 20 ? 0 : -1);
    },
  );
});
