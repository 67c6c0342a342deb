import { spawn, spawnSync } from 'node:child_process';
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
import { runAndKillLines } from '../../integration/store/kill-child.ts';
import { ORG } from './issuing-support.ts';

const pki = usePki();
const CHILD = join(import.meta.dirname, 'journey-crash-child.ts');
// npm test runs a short harness to keep the whole run inside its budget; VANTHU_JOURNEY_KILLS=100 runs the full one.
const RUNS = Number(process.env['VANTHU_JOURNEY_KILLS'] ?? 12);
/** The steps a kill must be seen landing in when the harness runs in full (they carry the work). */
const HEAVY_STEPS = ['issuing.sign', 'issuing.issueNumber', 'issuing.seal'];
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

/**
 * How long one document's whole journey takes on this machine now: a child started in `cycle` mode,
 * timed from READY (before its recovery) until it has published a document it drafted. Kills are
 * drawn within this window, so on a fast machine they land inside the work rather than long after
 * a first step, and on a slow one they still reach the last steps.
 */
function timeCycle(profileDir: string, compileCache: string): Promise<{ ms: number; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, profileDir, 'cycle'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    });
    let out = '';
    let err = '';
    let ready = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (ready === 0 && out.includes('READY\n')) {
        ready = performance.now();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || ready === 0) {
        reject(new Error(`the timing cycle failed (${code}): ${err}`));
        return;
      }
      resolve({ ms: performance.now() - ready, lines: out.split('\n').slice(0, -1) });
    });
  });
}

/** Where a kill landed: the last step the child began (`STEP <channel>`). */
function landedIn(lines: readonly string[]): string {
  return (
    lines
      .filter((line) => line.startsWith('STEP '))
      .at(-1)
      ?.slice(5) ?? 'start-up'
  );
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
    // About 15 s per kill on a loaded machine (a journey, a kill, a restart with recovery).
    { timeout: Math.max(1_800_000, RUNS * 30_000) },
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
      const acknowledge = (lines: readonly string[]) => {
        for (const line of lines.filter((l) => l.startsWith('ACK '))) {
          const [, id, state, so] = line.split(' ');
          acked.set(id ?? '', { state: state ?? '', so: so ?? '-' });
        }
      };
      hsm.restore();
      const cycle = await timeCycle(profileDir, compileCache);
      acknowledge(cycle.lines);
      await checkConsistent(profileDir, acked);
      const windowMs = Math.max(200, Math.round(cycle.ms));
      const landed = new Map<string, number>();
      let pendingSeen = 0;
      for (let run = 1; run <= RUNS; run += 1) {
        hsm.restore();
        const delay = Math.floor(Math.random() * windowMs);
        const { lines } = await runAndKillLines(CHILD, [profileDir, String(run)], 'READY', delay, compileCache);
        acknowledge(lines);
        const step = landedIn(lines);
        landed.set(step, (landed.get(step) ?? 0) + 1);
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
      const where = [...landed].sort((a, b) => b[1] - a[1]).map(([step, n]) => `${step} ${n}`);
      console.info(
        `journey crash test: ${RUNS} kills within ${windowMs} ms of READY (one journey's time here), ` +
          `${rows.length} documents, ${published} published, ${acked.size} acknowledged, ` +
          `announced-but-unrecorded outputs seen after kills: ${pendingSeen}; kills landed in: ${where.join(', ')}`,
      );
      // Every kill landed in the work (armed at READY, before recovery), never in start-up.
      expect(landed.get('start-up') ?? 0).toBe(0);
      if (RUNS >= 100) {
        // The full harness must have cut each step that signs or writes a file at least once.
        expect(HEAVY_STEPS.filter((step) => (landed.get(step) ?? 0) === 0)).toEqual([]);
      }
      // The timing cycle published one; the killed runs carried more through.
      expect(published).toBeGreaterThan(RUNS >= 20 ? 1 : 0);
    },
  );
});
