import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { signAppendix } from '../../../main/services/pdf/sign/appendix.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import {
  attachOutgoingAppendix,
  incomingAppendices,
  removeOutgoingAppendix,
} from '../../../main/services/store/appendices.ts';
import { attachmentPath, sha256Of } from '../../../main/services/store/attachments.ts';
import { createRegisterLeaseSink } from '../../../main/services/sync/lease-adapter.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { pdfToText } from '../../support/corpus/render.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { pdfsig } from '../../support/validators.ts';
import { signerFor } from '../sign/flow-support.ts';
import { closeWorkstations, openWorkstation, startServer, virtualClock, type Workstation } from './support.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';

const SNV = '000.00.01.H99';
const STC = '000.00.02.H99';
const pki = usePki();

/** Sign a fresh PDF as an appendix of `soKyHieu` with the organization's key, as the signing service does. */
async function signedAppendix(dir: string, name: string, soKyHieu: string, trichYeu: string): Promise<string> {
  const doc = await makeDocument({ tenLoai: 'THÔNG BÁO', trichYeu });
  const out = join(dir, name);
  await signAppendix(doc.bytes, out, { signer: await signerFor(pki, 'org'), appearance: createAppearance, soKyHieu });
  return out;
}

function sender(url: string, clock: ReturnType<typeof virtualClock>): Workstation {
  return openWorkstation({
    url,
    username: 'vanthu.stc',
    clock,
    leases: (_db, store) => {
      // The register the store numbers from: this year's by the store's own clock, whatever year that is.
      const register = store.context.registers.ensure({
        maDinhDanh: STC,
        kind: 'di',
        year: vietnamYear(store.context.clock()),
      });
      return createRegisterLeaseSink(store.context.registers, () => [register.id], 'ws-stc');
    },
  });
}

describe('phụ lục travel with their văn bản: store → outbox → reference server → recipient store', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('the signed appendices are listed on the record, published with it (uploads resumed through resets), and arrive in order with a valid signature', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const stc = sender(started.url, clock);
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    await stc.engine.runUntilIdle({ maxRounds: 5 });

    const main = join(stc.dir, 'cong-van.pdf');
    writeFileSync(main, (await makeDocument({ tenLoai: 'CÔNG VĂN' })).bytes);
    const draft = stc.store.createOutgoing(
      OutgoingInputSchema.parse({
        tenLoai: 'Công văn',
        kyHieu: 'STC-VP',
        trichYeu: 'Về việc quyết toán năm 2025',
        coQuanBanHanh: 'Sở Tài chính tỉnh Demo',
        recipients: [{ maDinhDanh: SNV, ten: 'Sở Nội vụ' }],
      }),
    );
    stc.store.submitOutgoing(draft.id);
    stc.store.markSigned(draft.id, main);

    // Before cấp số there is no số, ký hiệu to sign an appendix with: refused, nothing kept.
    const early = await signedAppendix(stc.dir, 'som.pdf', 'x', 'Phụ lục ký sớm');
    expect(() =>
      attachOutgoingAppendix(stc.store.context, draft.id, { path: early, title: 'Sớm', signed: true }),
    ).toThrow(expect.objectContaining({ code: 'STATE_TRANSITION_INVALID' }));
    expect(stc.store.getOutgoing(draft.id).appendices).toEqual([]);

    const numbered = stc.store.issueNumber(draft.id);
    const soKyHieu = numbered.soKyHieu ?? '';
    expect(soKyHieu).toMatch(/^\d+\/STC-VP$/);
    const first = await signedAppendix(stc.dir, 'phu-luc-1.pdf', soKyHieu, 'Dự toán chi tiết');
    const second = await signedAppendix(stc.dir, 'phu-luc-2.pdf', soKyHieu, 'Danh sách đơn vị');
    const wrong = await signedAppendix(stc.dir, 'nham.pdf', soKyHieu, 'Tệp chọn nhầm');
    attachOutgoingAppendix(stc.store.context, draft.id, {
      path: first,
      title: 'Phụ lục I. Dự toán chi tiết',
      signed: true,
    });
    const undone = attachOutgoingAppendix(stc.store.context, draft.id, { path: wrong, title: 'Nhầm', signed: true });
    // Undo before phát hành: the wrong file leaves the record (and the audit chain says so).
    expect(removeOutgoingAppendix(stc.store.context, draft.id, undone.sha256).map((a) => a.title)).toEqual([
      'Phụ lục I. Dự toán chi tiết',
    ]);
    stc.store.markSealed(draft.id, main);
    attachOutgoingAppendix(stc.store.context, draft.id, {
      path: second,
      title: 'Phụ lục II. Danh sách đơn vị',
      signed: true,
    });
    const sealed = stc.store.getOutgoing(draft.id);
    expect(sealed.appendices.map((a) => [a.position, a.kind, a.title, a.signed])).toEqual([
      [1, 'phu-luc', 'Phụ lục I. Dự toán chi tiết', true],
      [2, 'phu-luc', 'Phụ lục II. Danh sách đơn vị', true],
    ]);
    expect(sealed.appendices.map((a) => a.sha256)).toEqual([
      sha256Of(readFileSync(first)),
      sha256Of(readFileSync(second)),
    ]);
    expect(stc.store.verifyAudit().ok).toBe(true);

    stc.store.publishOutgoing(draft.id);
    // After phát hành the appendices went out with the document: no undo, no late additions.
    expect(() => removeOutgoingAppendix(stc.store.context, draft.id, sealed.appendices[0]?.sha256 ?? '')).toThrow(
      expect.objectContaining({ code: 'STATE_TRANSITION_INVALID' }),
    );
    expect(() =>
      attachOutgoingAppendix(stc.store.context, draft.id, { path: wrong, title: 'Muộn', signed: true }),
    ).toThrow(expect.objectContaining({ code: 'STATE_TRANSITION_INVALID' }));

    // Half the uploads are cut mid-body: they resume from the server's offset, as for the document.
    started.server.faults.update({ resetRate: 0.5, seed: 9 });
    await stc.engine.runUntilIdle({ maxRounds: 40 });
    expect(stc.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0 });
    expect(
      started.server.db
        .prepare('select sha256, kind, title from document_files where document_id = ? order by position')
        .all(draft.id),
    ).toEqual([
      { sha256: sealed.fileSha256, kind: 'chinh', title: null },
      { sha256: sealed.appendices[0]?.sha256, kind: 'phu-luc', title: 'Phụ lục I. Dự toán chi tiết' },
      { sha256: sealed.appendices[1]?.sha256, kind: 'phu-luc', title: 'Phụ lục II. Danh sách đơn vị' },
    ]);

    // The recipient pulls through the same faults: the document is the main file, the appendices kept in order.
    await snv.engine.runUntilIdle({ maxRounds: 40 });
    const received = snv.store.getIncoming(draft.id);
    expect(received.fileSha256).toBe(sealed.fileSha256);
    const arrived = incomingAppendices(snv.store.context, draft.id);
    expect(arrived.map((a) => [a.position, a.kind, a.title, a.sha256, a.signed])).toEqual([
      [1, 'phu-luc', 'Phụ lục I. Dự toán chi tiết', sealed.appendices[0]?.sha256, null],
      [2, 'phu-luc', 'Phụ lục II. Danh sách đơn vị', sealed.appendices[1]?.sha256, null],
    ]);
    for (const appendix of arrived) {
      const stored = attachmentPath(snv.filesDir, appendix.sha256);
      expect(sha256Of(readFileSync(stored))).toBe(appendix.sha256);
      const signatures = pdfsig(stored, pki.nssDir);
      expect(signatures.map((s) => [s.signer, s.validation])).toEqual([
        ['ỦY BAN NHÂN DÂN TỈNH X', 'Signature is Valid.'],
      ]);
      // It carries the số, ký hiệu of the document it accompanies (ND30 Phụ lục I, I.II.8.b).
      expect(await pdfToText(readFileSync(stored))).toContain(`Số: ${soKyHieu};`);
    }
  });
});
