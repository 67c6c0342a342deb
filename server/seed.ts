import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { blobPath } from './blobs.ts';
import { seedPeople } from './office/seed-people.ts';
import type { ServerState } from './state.ts';

/** Demo organizations in the QCVN 102 form; H99 is not a real province, so nobody mistakes them. */
export const DEMO_ORGS = [
  { maDinhDanh: '000.00.00.H99', ten: 'Ủy ban nhân dân tỉnh Demo' },
  { maDinhDanh: '000.00.01.H99', ten: 'Sở Nội vụ tỉnh Demo' },
  { maDinhDanh: '000.00.02.H99', ten: 'Sở Tài chính tỉnh Demo' },
  { maDinhDanh: '000.00.03.H99', ten: 'Văn phòng Ủy ban nhân dân tỉnh Demo' },
] as const;

/** Password of every demo account: a reference server for demos and tests, never production. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS = [
  { username: 'vanthu.ubnd', org: '000.00.00.H99' },
  { username: 'vanthu.snv', org: '000.00.01.H99' },
  { username: 'vanthu2.snv', org: '000.00.01.H99' },
  { username: 'vanthu.stc', org: '000.00.02.H99' },
  { username: 'vanthu.vp', org: '000.00.03.H99' },
] as const;

/** A tiny valid one-page PDF, used when no signed fixtures are provided. */
function placeholderPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 14 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 14 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function storeBlob(state: ServerState, bytes: Buffer): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(blobPath(state.dataDir, sha256), bytes);
  state.db.prepare('insert or ignore into blobs (sha256, size) values (?, ?)').run(sha256, bytes.length);
  return sha256;
}

/**
 * Organizations, accounts and a few incoming documents from UBND tỉnh to the sở. Signed PDFs are
 * taken from `fixturesDir` when it holds any (other features produce them); otherwise placeholders.
 * Seeding twice is a no-op.
 */
export function seedDemo(state: ServerState, fixturesDir?: string): void {
  const { db } = state;
  if ((db.prepare('select count(*) as n from organizations').get() as { n: number }).n > 0) {
    return;
  }
  const fixtures =
    fixturesDir !== undefined && existsSync(fixturesDir)
      ? readdirSync(fixturesDir)
          .filter((name) => name.toLowerCase().endsWith('.pdf'))
          .sort()
          .map((name) => join(fixturesDir, name))
      : [];
  const year = new Date(state.now()).getUTCFullYear();
  db.transaction(() => {
    DEMO_ORGS.forEach((org, index) => {
      db.prepare('insert into organizations (ma_dinh_danh, ten, seq) values (?, ?, ?)').run(
        org.maDinhDanh,
        org.ten,
        index + 1,
      );
    });
    for (const user of DEMO_USERS) {
      db.prepare('insert into users (username, password, ma_dinh_danh) values (?, ?, ?)').run(
        user.username,
        DEMO_PASSWORD,
        user.org,
      );
    }
    // Roles and departments (API 1.4.0): the văn thư accounts above get a person, and each sở its people.
    seedPeople(state, DEMO_PASSWORD);
    const samples = [
      { so: 12, kyHieu: 'QĐ-UBND', tenLoai: 'Quyết định', trichYeu: 'Về việc ban hành Quy chế công tác văn thư' },
      { so: 45, kyHieu: 'UBND-VP', tenLoai: 'Công văn', trichYeu: 'Về việc báo cáo tình hình số hóa hồ sơ' },
      { so: 7, kyHieu: 'KH-UBND', tenLoai: 'Kế hoạch', trichYeu: 'Kế hoạch chuyển đổi số năm ' + year },
    ];
    samples.forEach((sample, index) => {
      const id = randomUUID();
      const fixture = fixtures[index % Math.max(fixtures.length, 1)];
      const bytes = fixture === undefined ? placeholderPdf(`${sample.so}/${sample.kyHieu}`) : readFileSync(fixture);
      const name = fixture === undefined ? `${sample.so}-${sample.kyHieu}.pdf` : basename(fixture);
      const sha256 = storeBlob(state, bytes);
      const date = `${year}-01-${String(10 + index).padStart(2, '0')}`;
      db.prepare(
        `insert into documents (id, from_org, so_ky_hieu, trich_yeu, ngay_ban_hanh, ten_loai, created_at)
         values (?, '000.00.00.H99', ?, ?, ?, ?, ?)`,
      ).run(id, `${sample.so}/${sample.kyHieu}`, sample.trichYeu, date, sample.tenLoai, state.now());
      db.prepare('insert into document_files (document_id, sha256, name, size) values (?, ?, ?, ?)').run(
        id,
        sha256,
        name,
        bytes.length,
      );
      for (const to of ['000.00.01.H99', '000.00.02.H99']) {
        db.prepare('insert into deliveries (document_id, to_org) values (?, ?)').run(id, to);
        db.prepare(`insert into inbox_events (org, kind, document_id, created_at) values (?, 'document', ?, ?)`).run(
          to,
          id,
          state.now(),
        );
      }
    });
  })();
}
