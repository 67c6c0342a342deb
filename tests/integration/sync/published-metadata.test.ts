import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { createRegisterLeaseSink } from '../../../main/services/sync/lease-adapter.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeWorkstations, openWorkstation, startServer, virtualClock } from './support.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';

const SNV = '000.00.01.H99';
const STC = '000.00.02.H99';

describe('a published document reaches its recipients with its metadata', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('carries số/ký hiệu, ngày ban hành, tên loại, trích yếu, người ký and độ khẩn to the recipient inbox', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const stc = openWorkstation({
      url: started.url,
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
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    await stc.engine.runUntilIdle({ maxRounds: 5 });

    const pdf = join(stc.dir, 'cong-van.pdf');
    writeFileSync(pdf, randomBytes(64 * 1024));
    const draft = stc.store.createOutgoing(
      OutgoingInputSchema.parse({
        tenLoai: 'Công văn',
        kyHieu: 'STC-VP',
        trichYeu: 'Về việc quyết toán năm 2025',
        coQuanBanHanh: 'Sở Tài chính tỉnh Demo',
        nguoiKy: 'Lê Văn C',
        chucVu: 'Giám đốc',
        doKhan: 2,
        recipients: [{ maDinhDanh: SNV, ten: 'Sở Nội vụ' }],
      }),
    );
    stc.store.submitOutgoing(draft.id);
    stc.store.markSigned(draft.id, pdf);
    stc.store.issueNumber(draft.id);
    stc.store.markSealed(draft.id, pdf);
    const published = stc.store.publishOutgoing(draft.id);
    await stc.engine.runUntilIdle({ maxRounds: 10 });
    expect(stc.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0 });

    // The server keeps what the recipients will see.
    expect(
      started.server.db
        .prepare('select so_ky_hieu, ngay_ban_hanh, ten_loai, trich_yeu, nguoi_ky, do_khan from documents where id = ?')
        .get(draft.id),
    ).toEqual({
      so_ky_hieu: published.soKyHieu,
      ngay_ban_hanh: published.ngayBanHanh,
      ten_loai: 'Công văn',
      trich_yeu: 'Về việc quyết toán năm 2025',
      nguoi_ky: 'Lê Văn C',
      do_khan: 2,
    });

    // The recipient's store holds the document as entered by the sender.
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    const [so, kyHieu] = (published.soKyHieu ?? '').split('/');
    expect(snv.store.getIncoming(draft.id)).toMatchObject({
      source: 'truc',
      so,
      kyHieu,
      ngayBanHanh: published.ngayBanHanh,
      tenLoai: 'Công văn',
      trichYeu: 'Về việc quyết toán năm 2025',
      nguoiKy: 'Lê Văn C',
      chucVu: 'Giám đốc',
      doKhan: 2,
      coQuanBanHanh: 'Sở Tài chính tỉnh Demo',
    });
  });
});
