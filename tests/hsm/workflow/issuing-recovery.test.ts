import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath, sha256Of, writeAttachmentFile } from '../../../main/services/store/attachments.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { issuingProfile } from './issuing-support.ts';

const pki = usePki();

describe('recovery after a crash between "output stored" and "output recorded" (#15)', () => {
  it('adopts a whole, checked output the document still waits for; cleans one that is missing or fails the check', async () => {
    const first = issuingProfile(pki);
    const { call, value, tokenOf, asRole, services } = first;
    const files = services.profile.files;
    const docs = [await first.draft('Nhận lại'), await first.draft('Chưa ghi tệp'), await first.draft('Số sai')];
    await asRole('lanh-dao');
    value(await call('issuing.sign', { ids: docs.map((d) => d.id), ...tokenOf('person') }));
    await asRole('van-thu');

    /** Cấp số as the workflow does it, stopped where a kill would stop it. */
    const numberUpTo = async (id: string, point: 'announced' | 'stored', so?: string) => {
      const signed = (value(await call('issuing.files', { id })).find((f) => f.stage === 'da-ky')?.sha256 ??
        '') as string;
      const doc = await services.store.call('issuing.reserveNumber', id, signed);
      const out = join(services.profile.cache, `${id}.pdf`);
      await services.signing.writeNumber({
        path: attachmentPath(files, signed),
        outPath: out,
        soKyHieu: so ?? doc.soKyHieu ?? '',
        ngayBanHanh: doc.ngayBanHanh ?? '',
      });
      const bytes = readFileSync(out);
      const record = { id, stage: 'da-cap-so' as const, from: signed, sha256: sha256Of(bytes), size: bytes.length };
      await services.store.call('issuing.beginOutput', record);
      if (point === 'stored') {
        writeAttachmentFile(files, bytes);
      }
      return { record, so: doc.so };
    };
    const [adopt, missing, wrong] = docs as [OutgoingDocument, OutgoingDocument, OutgoingDocument];
    const a = await numberUpTo(adopt.id, 'stored');
    const m = await numberUpTo(missing.id, 'announced');
    const w = await numberUpTo(wrong.id, 'stored', '77/QĐ-UBND');
    await services.store.close();
    await services.tokens.stop();

    // The app starts again on the same profile.
    const second = issuingProfile(pki, { profileDir: first.profileDir });
    try {
      expect(await second.services.issuing.recover()).toEqual({ adopted: 1, cleaned: 2 });
      const get = async (id: string) => second.value<OutgoingDocument>(await second.call('outgoing.get', { id }));
      // Adopted: recorded exactly as the step would have, with the number reserved for it.
      expect(await get(adopt.id)).toMatchObject({ state: 'da-cap-so', so: a.so, fileSha256: a.record.sha256 });
      // Cleaned: the document still waits at cấp số, keeping its reserved number; the bad file is gone.
      expect(await get(missing.id)).toMatchObject({ state: 'da-ky', so: m.so });
      expect(await get(wrong.id)).toMatchObject({ state: 'da-ky', so: w.so });
      expect(existsSync(attachmentPath(files, w.record.sha256))).toBe(false);
      // Cấp số again writes the same reserved number: none lost, none used twice.
      await second.asRole('van-thu');
      const again = second.value<OutgoingDocument>(await second.call('issuing.issueNumber', { id: wrong.id }));
      expect(again).toMatchObject({ state: 'da-cap-so', so: w.so });
      expect(new Set([a.so, m.so, w.so]).size).toBe(3);
    } finally {
      await second.services.store.close();
      await second.services.tokens.stop();
    }
  });
});
