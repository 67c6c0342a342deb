import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, qpdfCheck, validateAll } from '../../support/validators.ts';
import { editIncrement, normalAppearanceOf, rewriteStream, widgetOf } from '../../support/verify/edit-increment.ts';
import { FIXTURE_DOCX, FIXTURE_PDF, issuingProfile } from './issuing-support.ts';

const pki = usePki();

/** Every file in the content store, to show a refused step wrote none. */
function storedFiles(filesDir: string): string[] {
  return existsSync(filesDir)
    ? readdirSync(filesDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /[0-9a-f]{64}$/.test(f))
        .sort()
    : [];
}

describe('the issuing journey in main: one call per action, each step checks the one before (#15)', () => {
  const app = issuingProfile(pki);
  const { call, value, tokenOf, asRole, services } = app;
  const files = services.profile.files;
  const scratch = join(services.profile.cache, 'ban-hanh');
  afterAll(async () => {
    await services.store.close();
    await services.tokens.stop();
  });

  const stageFiles = async (id: string) => value(await call('issuing.files', { id }));
  const sha = async (id: string, stage: string) => (await stageFiles(id)).find((f) => f.stage === stage)?.sha256 ?? '';

  /** What a refused step must leave as it was: the record, its files, the store, the scratch space. */
  const snapshot = async (id: string) => ({
    doc: value(await call('outgoing.get', { id })),
    files: await stageFiles(id),
    store: storedFiles(files),
    scratch: existsSync(scratch) ? readdirSync(scratch) : [],
  });

  const { replaceStageFile } = app;

  it('draft (PDF + .docx) → ký duyệt (P=2) → cấp số → đóng dấu (khóa số, ngày) → phát hành; both signatures valid in every validator', async () => {
    const draft = await app.draft();
    expect(draft.state).toBe('trinh-ky');
    const kept = await stageFiles(draft.id);
    expect(kept.map((f) => f.stage).sort()).toEqual(['du-thao', 'nguon']);
    // The editable source is kept as chosen; the draft PDF begins with the chosen bytes (fields added after).
    expect(readFileSync(attachmentPath(files, await sha(draft.id, 'nguon')))).toEqual(readFileSync(FIXTURE_DOCX));
    const draftBytes = readFileSync(attachmentPath(files, await sha(draft.id, 'du-thao')));
    expect(draftBytes.subarray(0, readFileSync(FIXTURE_PDF).length)).toEqual(readFileSync(FIXTURE_PDF));

    // A văn thư cannot sign as the leader: refused in main, nothing written.
    await asRole('van-thu');
    const before = await snapshot(draft.id);
    const notLeader = await call('issuing.sign', { ids: [draft.id], ...tokenOf('person') });
    expect(notLeader).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
    expect(JSON.stringify(notLeader)).toContain('Văn thư không được ký duyệt');
    expect(await snapshot(draft.id)).toEqual(before);

    await asRole('lanh-dao');
    const signed = value(await call('issuing.sign', { ids: [draft.id], ...tokenOf('person') }));
    expect(signed).toMatchObject({
      total: 1,
      failed: 0,
      results: [{ id: draft.id, ok: true, document: { state: 'da-ky' } }],
    });
    expect(JSON.stringify(signed)).not.toContain(tokenOf('person').pin);
    const signedPath = attachmentPath(files, await sha(draft.id, 'da-ky'));
    // Exactly the stored draft, then the leader's increment.
    expect(readFileSync(signedPath).subarray(0, draftBytes.length)).toEqual(draftBytes);

    // A chuyên viên cannot seal.
    await asRole('chuyen-vien');
    expect(await call('issuing.seal', { id: draft.id, ...tokenOf('org') })).toMatchObject({
      ok: false,
      error: { code: 'ROLE_NOT_ALLOWED' },
    });

    await asRole('van-thu');
    const numbered = value(await call('issuing.issueNumber', { id: draft.id }));
    expect(numbered).toMatchObject({ state: 'da-cap-so', so: 1, soKyHieu: '01/QĐ-UBND' });
    const sealed = value(await call('issuing.seal', { id: draft.id, ...tokenOf('org') }));
    expect(sealed.state).toBe('da-dong-dau');
    const published = value(await call('issuing.publish', { id: draft.id }));
    expect(published.state).toBe('da-phat-hanh');

    const chain = await stageFiles(draft.id);
    expect(chain.map((f) => f.stage)).toEqual(['du-thao', 'nguon', 'da-ky', 'da-cap-so', 'da-dong-dau']);
    const sealedSha = await sha(draft.id, 'da-dong-dau');
    expect(published.fileSha256).toBe(sealedSha);
    const sealedPath = attachmentPath(files, sealedSha);
    // Where the chain ends, tools we did not write agree: pdfsig, mupdf, openssl; qpdf finds the file clean.
    const report = validateAll(sealedPath, pki);
    expect(allValid(report, 2), JSON.stringify(report, null, 1)).toBe(true);
    expect(report.pdfsig.map((s) => s.signer)).toEqual(['Nguyễn Văn A', 'ỦY BAN NHÂN DÂN TỈNH X']);
    expect(qpdfCheck(sealedPath).clean).toBe(true);
    // The organization's signature locks the số and date fields (FieldMDP).
    expect(readFileSync(sealedPath, 'latin1')).toMatch(/\/TransformMethod\s*\/FieldMDP/);

    // Only the sealed file is published.
    const db = new Database(services.profile.database, { readonly: true });
    try {
      const jobs = db.prepare(`SELECT kind, payload FROM outbox_jobs ORDER BY id`).all() as {
        kind: string;
        payload: string;
      }[];
      expect(jobs.map((j) => j.kind)).toEqual(['file.upload', 'outgoing.publish']);
      expect(JSON.parse(jobs[0]?.payload ?? '{}')).toMatchObject({ sha256: sealedSha });
      expect(JSON.parse(jobs[1]?.payload ?? '{}')).toMatchObject({ signedSha256: sealedSha });
    } finally {
      db.close();
    }
    expect(existsSync(scratch) ? readdirSync(scratch) : []).toEqual([]);
  });

  it('đóng dấu refuses an unnumbered file, a file whose số differs from the record, and a file whose leader signature no longer holds; nothing is written', async () => {
    await asRole('lanh-dao');
    const drafts = [
      await app.draft('Chưa cấp số'),
      await app.draft('Số khác'),
      await app.draft('Chữ ký bị sửa'),
      await app.draft('Hình chữ ký bị vẽ lại'),
    ];
    await asRole('lanh-dao');
    const batch = value(await call('issuing.sign', { ids: drafts.map((d) => d.id), ...tokenOf('person') }));
    expect(batch.failed).toBe(0);
    await asRole('van-thu');
    const [unnumbered, otherNumber, tampered, redrawn] = drafts as [
      OutgoingDocument,
      OutgoingDocument,
      OutgoingDocument,
      OutgoingDocument,
    ];

    // 1. The record says "cấp số" (the old path: number on the record only), the file has no number.
    await services.store.call('outgoing.issueNumber', unnumbered.id);
    let before = await snapshot(unnumbered.id);
    const legacy = await call('issuing.seal', { id: unnumbered.id, ...tokenOf('org') });
    expect(legacy).toMatchObject({
      ok: false,
      error: { code: 'ISSUING_CHAIN_BROKEN', details: { reason: 'INPUT_CHANGED' } },
    });
    expect(await snapshot(unnumbered.id)).toEqual(before);
    // Even when the unnumbered signed file is put where the numbered one belongs.
    replaceStageFile(
      unnumbered.id,
      'da-cap-so',
      readFileSync(attachmentPath(files, await sha(unnumbered.id, 'da-ky'))),
    );
    before = await snapshot(unnumbered.id);
    const noNumber = await call('issuing.seal', { id: unnumbered.id, ...tokenOf('org') });
    expect(noNumber).toMatchObject({
      ok: false,
      error: { code: 'ISSUING_CHAIN_BROKEN', details: { reason: 'NOT_NUMBERED' } },
    });
    expect(await snapshot(unnumbered.id)).toEqual(before);

    // 2. The file carries another number than the record's.
    const second = value(await call('issuing.issueNumber', { id: otherNumber.id }));
    const wrongPath = join(services.profile.cache, 'số khác.pdf');
    await services.signing.writeNumber({
      path: attachmentPath(files, await sha(otherNumber.id, 'da-ky')),
      outPath: wrongPath,
      soKyHieu: '99/QĐ-UBND',
      ngayBanHanh: second.ngayBanHanh ?? '',
    });
    replaceStageFile(otherNumber.id, 'da-cap-so', readFileSync(wrongPath));
    before = await snapshot(otherNumber.id);
    const mismatch = await call('issuing.seal', { id: otherNumber.id, ...tokenOf('org') });
    expect(mismatch).toMatchObject({
      ok: false,
      error: { code: 'ISSUING_CHAIN_BROKEN', details: { reason: 'NUMBER_MISMATCH' } },
    });
    expect(mismatch.ok ? '' : mismatch.error.message).toContain(`99/QĐ-UBND`);
    expect(await snapshot(otherNumber.id)).toEqual(before);

    // 3. One byte of the leader-signed content changed in the numbered file.
    value(await call('issuing.issueNumber', { id: tampered.id }));
    const bytes = new Uint8Array(readFileSync(attachmentPath(files, await sha(tampered.id, 'da-cap-so'))));
    const at = Buffer.from(bytes).indexOf('stream') + 40;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    replaceStageFile(tampered.id, 'da-cap-so', bytes);
    before = await snapshot(tampered.id);
    const broken = await call('issuing.seal', { id: tampered.id, ...tokenOf('org') });
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'ISSUING_CHAIN_BROKEN', details: { reason: 'LEADER_SIGNATURE_INVALID' } },
    });
    expect(await snapshot(tampered.id)).toEqual(before);
    // 4. Every byte the leader signed intact, but a later revision redraws the leader's signature
    // (a change P=2 does not permit): the signature no longer holds, the seal is refused.
    value(await call('issuing.issueNumber', { id: redrawn.id }));
    const numberedBytes = new Uint8Array(readFileSync(attachmentPath(files, await sha(redrawn.id, 'da-cap-so'))));
    replaceStageFile(
      redrawn.id,
      'da-cap-so',
      await editIncrement(numberedBytes, (inc) => {
        rewriteStream(inc, normalAppearanceOf(widgetOf(inc.doc, 'ChuKy_NguoiKy').dict), 'q 1 0 0 rg 0 0 40 12 re f Q');
      }),
    );
    before = await snapshot(redrawn.id);
    const redrawnRefused = await call('issuing.seal', { id: redrawn.id, ...tokenOf('org') });
    expect(redrawnRefused).toMatchObject({
      ok: false,
      error: {
        code: 'ISSUING_CHAIN_BROKEN',
        details: { reason: 'LEADER_SIGNATURE_INVALID', integrity: 'ok', changesAfter: 'not-permitted' },
      },
    });
    expect(await snapshot(redrawn.id)).toEqual(before);

    // Publishing cannot skip the seal either.
    expect(await call('issuing.publish', { id: tampered.id })).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });
  });

  it('cấp số refuses a signed file changed after the leader signed, and keeps no number for it', async () => {
    const doc = await app.draft('Tệp ký bị sửa');
    await asRole('lanh-dao');
    value(await call('issuing.sign', { ids: [doc.id], ...tokenOf('person') }));
    await asRole('van-thu');
    const bytes = new Uint8Array(readFileSync(attachmentPath(files, await sha(doc.id, 'da-ky'))));
    const at = Buffer.from(bytes).indexOf('stream') + 40;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    replaceStageFile(doc.id, 'da-ky', bytes);
    const before = await snapshot(doc.id);
    const refused = await call('issuing.issueNumber', { id: doc.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'ISSUING_CHAIN_BROKEN', details: { reason: 'LEADER_SIGNATURE_INVALID' } },
    });
    expect(await snapshot(doc.id)).toEqual(before);
    expect(before.doc.so).toBeNull();
  });
});
