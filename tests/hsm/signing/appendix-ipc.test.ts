import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { pdfToText } from '../../support/corpus/render.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { issuingProfile } from '../workflow/issuing-support.ts';

const pki = usePki();

function orgToken() {
  const token = pki.certs.org?.token;
  const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin;
  if (token === undefined || pin === undefined) {
    throw new Error('the organization key is not on a token');
  }
  return { modulePath: pki.softhsm.module, token: { label: token.label }, keyIdHex: token.keyIdHex, pin };
}

describe('outgoing.addAppendix over IPC: sign with the record’s số, ký hiệu and attach, in one request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu phụ lục '));
  // The sổ đi has an open lease (one workstation), given before the app opens its store.
  const { profileDir, services, call, value, asRole } = issuingProfile(pki, { profileDir: join(dir, 'hồ sơ') });
  const scratch = join(profileDir, 'cache', 'phu-luc');
  afterAll(async () => {
    await services.store.close();
    await services.tokens.stop();
  });

  it('refuses before cấp số and after phát hành; in between the signed appendix is on the record, valid, and published with it', async () => {
    const main = join(dir, 'quyết định.pdf');
    writeFileSync(main, (await makeDocument()).bytes);
    const appendixPdf = join(dir, 'phụ lục.pdf');
    writeFileSync(appendixPdf, (await makeDocument({ tenLoai: 'THÔNG BÁO' })).bytes);
    const broken = join(dir, 'hỏng.pdf');
    // A PDF header and nothing a PDF reader can use: accepted as a PDF by the chooser, refused by signing.
    writeFileSync(broken, '%PDF-1.7\nkhông phải PDF');

    // Each step in its role (main enforces them): the chuyên viên drafts, the văn thư attaches.
    await asRole('chuyen-vien');
    const doc = value(
      await call('outgoing.create', {
        input: {
          tenLoai: 'Quyết định',
          kyHieu: 'QĐ-UBND',
          trichYeu: 'Về việc ban hành Quy chế văn thư',
          coQuanBanHanh: 'Ủy ban nhân dân tỉnh X',
          recipients: [{ maDinhDanh: '000.00.01.H49', ten: 'Sở Tài chính tỉnh X' }],
        },
      }),
    );
    value(await call('outgoing.submit', { id: doc.id }));
    await asRole('van-thu');
    // The store's path-based steps stand in for the issuing journey (tests/hsm/workflow covers that).
    await services.store.call('outgoing.markSigned', doc.id, main);
    // The appendix enters as a chosen file (a handle), as the panel sends it.
    const add = (path: string, title: string) =>
      call('outgoing.addAppendix', {
        id: doc.id,
        title,
        file: services.files.accept('pdf', basename(path), new Uint8Array(readFileSync(path))).handle,
        ...orgToken(),
        placement: 'auto',
      });

    // No số yet: refused before the token is asked for anything; the PIN is in no answer.
    const early = await add(appendixPdf, 'Phụ lục I');
    expect(early).toMatchObject({ ok: false, error: { code: 'STATE_TRANSITION_INVALID' } });
    expect(JSON.stringify(early)).not.toContain(orgToken().pin);

    const numbered = await services.store.call('outgoing.issueNumber', doc.id);
    expect(numbered.soKyHieu).toBe('01/QĐ-UBND');

    // A file that cannot be signed leaves nothing behind: no appendix, no scratch file.
    expect(await add(broken, 'Phụ lục hỏng')).toMatchObject({ ok: false, error: { code: 'PDF_MALFORMED' } });
    expect(value(await call('outgoing.get', { id: doc.id })).appendices).toEqual([]);

    const added = value(await add(appendixPdf, 'Phụ lục I. Danh sách đơn vị'));
    expect(added).toMatchObject({ position: 1, signed: true, title: 'Phụ lục I. Danh sách đơn vị', kind: 'phu-luc' });
    expect(existsSync(scratch) ? readdirSync(scratch) : []).toEqual([]);
    const stored = attachmentPath(services.profile.files, added.sha256);
    const report = validateAll(stored, pki);
    expect(allValid(report, 1), JSON.stringify(report, null, 1)).toBe(true);
    expect(report.pdfsig.map((s) => s.signer)).toEqual(['ỦY BAN NHÂN DÂN TỈNH X']);
    // The số, ký hiệu came from the record, not from the request.
    expect(await pdfToText(readFileSync(stored))).toContain('Số: 01/QĐ-UBND;');
    // The user's file is untouched and nothing was written beside it.
    expect(readdirSync(dir).sort()).toEqual(['hồ sơ', 'hỏng.pdf', 'phụ lục.pdf', 'quyết định.pdf'].sort());

    const opened = value(await call('outgoing.appendixFile', { id: doc.id, sha256: added.sha256 }));
    expect(opened.sha256).toBe(added.sha256);
    expect(opened.verification?.signatures).toHaveLength(1);
    expect(opened.verification?.verdict).not.toBe('invalid');

    // Taken back and signed again (undo before phát hành).
    expect(value(await call('outgoing.removeAppendix', { id: doc.id, sha256: added.sha256 }))).toEqual([]);
    const again = value(await add(appendixPdf, 'Phụ lục I. Danh sách đơn vị'));

    await services.store.call('outgoing.markSealed', doc.id, main);
    await services.store.call('outgoing.publish', doc.id);
    expect(await call('outgoing.removeAppendix', { id: doc.id, sha256: again.sha256 })).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });
    expect(await add(appendixPdf, 'Phụ lục II')).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });

    // The outbox holds the appendix's upload and a publication that lists it.
    const db = new Database(services.profile.database, { readonly: true });
    try {
      const jobs = db.prepare(`select kind, job_key, payload from outbox_jobs order by id`).all() as {
        kind: string;
        job_key: string;
        payload: string;
      }[];
      expect(jobs.filter((j) => j.kind === 'file.upload').map((j) => j.job_key)).toContain(again.sha256);
      const publish = jobs.find((j) => j.kind === 'outgoing.publish');
      expect(JSON.parse(publish?.payload ?? '{}')).toMatchObject({
        appendices: [{ sha256: again.sha256, title: 'Phụ lục I. Danh sách đơn vị' }],
      });
    } finally {
      db.close();
    }
  });
});
