/**
 * Tổng quan and Báo cáo benchmark (issue #20): 100,000 incoming documents spread over one year in
 * every workflow state, plus 20,000 outgoing ones, inserted through the real tables so the due
 * triggers (migration 011) compute every due time. Measures, p50/p95 over repeated runs:
 *   - Tổng quan's counts (`queueCounts`: grouped state counts and late counts on the indexes);
 *   - a one-year report (`computeReport`: totals, by type, by source, on time/late, averages);
 * each printed beside a plain SQL GROUP BY on the same data (the least such a screen could cost).
 * Goals: dashboard p95 ≤ 50 ms, report p95 ≤ 1 s. Run: node tests/bench/dashboard.ts [count]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/services/store/open-database.ts';
import { queueCounts } from '../../main/services/store/overview.ts';
import { computeReport } from '../../main/services/store/report-query.ts';
import { createStore } from '../../main/services/store/store.ts';

const COUNT = Number(process.argv[2] ?? 100_000);
const OUTGOING = Math.round(COUNT / 5);
const ORG = '000.00.12.H55';
// fixed-date: the benchmark's year and "now" (1 December of it), so every run measures the same data.
const YEAR = 2027;
const NOW = new Date(Date.UTC(YEAR, 11, 1, 2, 0, 0));

const LOAI = ['Quyết định', 'Công văn', 'Tờ trình', 'Kế hoạch', 'Thông báo', 'Báo cáo', 'Chỉ thị', 'Giấy mời'];
const SOURCES = ['truc', 'truc', 'truc', 'email', 'giay'] as const;
const IN_STATES = [
  'da-den',
  'da-tiep-nhan',
  'da-trinh',
  'phan-cong',
  'dang-xu-ly',
  'hoan-thanh',
  'hoan-thanh',
  'hoan-thanh',
];
const OUT_STATES = ['du-thao', 'trinh-ky', 'da-ky', 'da-cap-so', 'da-dong-dau', 'da-phat-hanh', 'da-phat-hanh'];

function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
const isoDay = (dayOfYear: number): string => new Date(Date.UTC(YEAR, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-dashboard-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
const store = createStore({ db, filesDir: join(dir, 'files'), maDinhDanh: ORG, clock: () => NOW });
const den = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'den', year: YEAR });
const di = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'di', year: YEAR });

const r = rng(7);
const started = performance.now();
const insertIn = db.prepare(
  `INSERT INTO incoming_documents (id, register_id, so_den, ngay_den, ten_loai, so, ky_hieu, ngay_ban_hanh,
     co_quan_ban_hanh, trich_yeu, do_khan, han_xu_ly, source, state, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, '1', 'UBND-VP', ?, 'Ủy ban nhân dân tỉnh', 'Về việc', ?, ?, ?, 'da-den', ?, ?)`,
);
const setInState = db.prepare(`UPDATE incoming_documents SET state = ?, updated_at = ? WHERE doc_no = ?`);
const insertOut = db.prepare(
  `INSERT INTO outgoing_documents (id, register_id, so, ky_hieu, ten_loai, ngay_ban_hanh, co_quan_ban_hanh, trich_yeu,
     do_khan, han_tra_loi, state, file_sha256, created_at, updated_at)
   VALUES (?, ?, ?, 'STP-VP', ?, ?, 'Sở Tư pháp', 'Về việc', 0, ?, 'du-thao', NULL, ?, ?)`,
);
const setOutState = db.prepare(`UPDATE outgoing_documents SET state = ?, updated_at = ? WHERE doc_no = ?`);
db.transaction(() => {
  for (let i = 0; i < COUNT; i += 1) {
    const day = Math.floor(r() * 334);
    const at = new Date(Date.UTC(YEAR, 0, 1 + day, 1 + Math.floor(r() * 9))).toISOString();
    const han = r() < 0.5 ? isoDay(day + 5 + Math.floor(r() * 20)) : null;
    const row = insertIn.run(
      `in-${i}`,
      den.id,
      i + 1,
      isoDay(day),
      pick(r, LOAI),
      isoDay(Math.max(0, day - 2)),
      r() < 0.1 ? 2 : 0,
      han,
      pick(r, SOURCES),
      at,
      at,
    );
    const state = pick(r, IN_STATES);
    if (state !== 'da-den') {
      // Finished some days later (the done trigger judges on time or late against the due time).
      const later = new Date(Date.parse(at) + Math.floor(r() * 15) * 86_400_000).toISOString();
      setInState.run(state, later, row.lastInsertRowid);
    }
  }
  for (let i = 0; i < OUTGOING; i += 1) {
    const day = Math.floor(r() * 334);
    const at = new Date(Date.UTC(YEAR, 0, 1 + day, 2)).toISOString();
    const state = pick(r, OUT_STATES);
    const numbered = !['du-thao', 'trinh-ky', 'da-ky'].includes(state);
    const row = insertOut.run(
      `out-${i}`,
      di.id,
      numbered ? i + 1 : null,
      pick(r, LOAI),
      numbered ? isoDay(day) : null,
      r() < 0.3 ? isoDay(day + 15) : null,
      at,
      at,
    );
    if (state === 'da-phat-hanh') {
      setOutState.run('da-dong-dau', at, row.lastInsertRowid);
    }
    setOutState.run(
      state,
      new Date(Date.parse(at) + Math.floor(r() * 3) * 86_400_000).toISOString(),
      row.lastInsertRowid,
    );
  }
})();
db.exec('ANALYZE');
const loadSeconds = (performance.now() - started) / 1000;

function measure(times: number, run: () => unknown): number[] {
  run(); // warm the page cache and the prepared statements
  const out: number[] = [];
  for (let k = 0; k < times; k += 1) {
    const t = performance.now();
    run();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

const from = `${YEAR}-01-01`;
const to = `${YEAR}-12-31`;
const dashboard = measure(50, () => queueCounts(store.context));
const dashboardPeer = measure(50, () => [
  db.prepare(`SELECT state, count(*) FROM incoming_documents GROUP BY state`).all(),
  db.prepare(`SELECT state, count(*) FROM outgoing_documents GROUP BY state`).all(),
]);
const report = measure(20, () => computeReport(store.context, { from, to, department: '' }));
const reportPeer = measure(20, () =>
  db
    .prepare(`SELECT ten_loai, count(*) FROM incoming_documents WHERE ngay_den BETWEEN ? AND ? GROUP BY ten_loai`)
    .all(from, to),
);
const department = measure(10, () => computeReport(store.context, { from, to, department: 'Phòng Hành chính' }));

const line = (name: string, times: number[]): string =>
  `${name.padEnd(52)} p50 ${percentile(times, 50).toFixed(2).padStart(8)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(8)} ms`;
const counts = queueCounts(store.context);
console.log(`incoming: ${COUNT}  outgoing: ${OUTGOING}  (generated with due triggers in ${loadSeconds.toFixed(1)} s)`);
console.log(`counts: ${JSON.stringify(counts.counts)}`);
console.log(line('vanthu Tổng quan counts (queueCounts)', dashboard));
console.log(line('peer: plain SQL GROUP BY state (both tables)', dashboardPeer));
console.log(line('vanthu one-year report (computeReport)', report));
console.log(line('peer: plain SQL GROUP BY ten_loai for the year', reportPeer));
console.log(line('vanthu one-year report for one department', department));
console.log(`goal dashboard p95 ≤ 50 ms: ${percentile(dashboard, 95) <= 50 ? 'met' : 'NOT met'}`);
console.log(`goal report p95 ≤ 1 s: ${percentile(report, 95) <= 1000 ? 'met' : 'NOT met'}`);
db.close();
rmSync(dir, { recursive: true, force: true });
