import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentPath, readAttachment } from '../../../main/services/store/attachments.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { issuingProfile } from './issuing-support.ts';

const pki = usePki();
const TRICH_YEU = 'Về việc niêm phong hồ sơ mã hóa của Văn phòng tỉnh X';

/** Every file under the profile folder (the database, its WAL, the content store, the caches). */
function everyFile(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile());
}

/*
 * Encryption on (as the shells now set a profile up by default): every step of the issuing journey
 * reads its input through the file store, so the stored files are sealed on disk and still signed,
 * numbered, sealed, checked and published; nothing plain of the document stays in the profile.
 */
describe('the issuing journey on an encrypted profile (#19)', () => {
  const app = issuingProfile(pki, { encrypted: true });
  const { call, value, tokenOf, asRole, services } = app;
  const files = services.profile.files;
  afterAll(async () => {
    await services.store.close();
    await services.tokens.stop();
  });

  it('draft → ký duyệt → cấp số → đóng dấu → phát hành with sealed files, verified, and no plaintext left in the profile', async () => {
    const draft = await app.draft(TRICH_YEU);
    // The chosen PDF is sealed in the store: no PDF header on disk, the plaintext through the store.
    expect(readFileSync(attachmentPath(files, draft.fileSha256 ?? '')).includes('%PDF')).toBe(false);
    expect(
      Buffer.from(readAttachment(files, draft.fileSha256 ?? ''))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // The placement preview reads the stored draft through the store.
    const placement = value(await call('issuing.placement', { id: draft.id }));
    expect(placement.pageCount).toBeGreaterThan(0);

    await asRole('lanh-dao');
    const signed = value(await call('issuing.sign', { ids: [draft.id], ...tokenOf('person') }));
    expect(signed).toMatchObject({ failed: 0, results: [{ ok: true, document: { state: 'da-ky' } }] });
    await asRole('van-thu');
    expect(value(await call('issuing.issueNumber', { id: draft.id }))).toMatchObject({
      state: 'da-cap-so',
      soKyHieu: '01/QĐ-UBND',
    });
    expect(value(await call('issuing.seal', { id: draft.id, ...tokenOf('org') })).state).toBe('da-dong-dau');
    const published = value(await call('issuing.publish', { id: draft.id }));
    expect(published.state).toBe('da-phat-hanh');

    // Tools we did not write check the plaintext the store gives back (copied outside the profile).
    const outside = join(mkdtempSync(join(tmpdir(), 'vanthu-kiem-tra-')), 'da-dong-dau.pdf');
    writeFileSync(outside, readAttachment(files, published.fileSha256 ?? ''));
    const report = validateAll(outside, pki);
    expect(allValid(report, 2), JSON.stringify(report, null, 1)).toBe(true);

    // Verifying a chosen file reads it through the store too.
    const chosen = await app.upload('pdf', 'Văn bản.pdf', readFileSync(outside));
    const verified = value(await call('files.verify', { handle: chosen, offline: true }));
    expect(verified.signatures).toHaveLength(2);

    // Nothing plain of the document in the profile: no PDF header, no trích yếu, no scratch left.
    const plain = everyFile(services.profile.root).filter((path) => {
      const bytes = readFileSync(path);
      return bytes.includes('%PDF') || bytes.includes(Buffer.from(TRICH_YEU, 'utf8'));
    });
    expect(plain).toEqual([]);
  });
});
