import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { loadPrintableRegister } from '../../../main/services/store/register-rows.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { createAttachmentFileSink } from '../../../main/services/sync/file-sink.ts';
import { createStoreRegistersFeed } from '../../../main/services/store/registers-feed-store.ts';
import { fetchReplicaFiles } from '../../../main/services/sync/replica-files.ts';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { moveOutgoing, takeNumber } from '../../../main/services/store/outgoing-service.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeWorkstations, openWorkstation, startServer, virtualClock } from './support.ts';
import { settle, SNV, station, type Station } from './online-numbers-support.ts';

describe('one organization, two workstations: văn bản đi numbered in order while online', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('cấp số online: văn bản đi of two workstations numbered in order; each sổ đi lists the organization’s', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const a = station(started.url, 'vanthu.snv', clock);
    const b = station(started.url, 'vanthu2.snv', clock);
    await settle(a, b);
    const issue = async (s: Station, trichYeu: string) => {
      const pdf = join(s.ws.dir, `${trichYeu}.pdf`);
      writeFileSync(pdf, Buffer.from(`%PDF-1.7 ${trichYeu}`));
      const draft = s.ws.store.createOutgoing(
        OutgoingInputSchema.parse({
          tenLoai: 'Công văn',
          kyHieu: 'SNV-VP',
          trichYeu,
          coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
          nguoiKy: 'Lê Văn C',
          chucVu: 'Giám đốc',
          recipients: [{ maDinhDanh: '000.00.02.H99', ten: 'Sở Tài chính' }],
        }),
      );
      s.ws.store.submitOutgoing(draft.id);
      s.ws.store.markSigned(draft.id, pdf);
      // As the issuing service does: the server's number first, then cấp số in one transaction.
      const year = vietnamYear(s.clock.now());
      const online = await s.online.take('di', year, draft.id, `cap-so:${draft.id}:${year}`);
      const ctx = s.ws.store.context;
      moveOutgoing(ctx, draft.id, 'outgoing.issueNumber', (doc, now) => takeNumber(ctx, doc, now, online));
      s.ws.store.markSealed(draft.id, pdf);
      return s.ws.store.publishOutgoing(draft.id);
    };
    const issued = [await issue(a, 'Đi thứ nhất'), await issue(b, 'Đi thứ hai'), await issue(a, 'Đi thứ ba')];
    const first = issued[0]!.so!;
    expect(issued.map((doc) => doc.so)).toEqual([first, first + 1, first + 2]);
    await settle(a, b);
    for (const s of [a, b]) {
      const register = s.ws.store.context.registers.ensure({ maDinhDanh: SNV, kind: 'di', year: 2026 });
      const rows = loadPrintableRegister(s.ws.db, register).rows;
      expect(rows.map((row) => [row[0], row[2]])).toEqual(
        issued.map((doc) => [doc.soKyHieu, `Công văn: ${doc.trichYeu}`]),
      );
      // The other workstation's are the organization's record here, with their recipients.
      const others = issued.filter(
        (doc) => s.ws.db.prepare('select replica from outgoing_documents where id = ?').pluck().get(doc.id) === 1,
      );
      expect(others.map((doc) => doc.trichYeu)).toEqual(s === a ? ['Đi thứ hai'] : ['Đi thứ nhất', 'Đi thứ ba']);
      expect(rows[s === a ? 1 : 0]?.[4]).toBe('Sở Tài chính tỉnh Demo');
    }
    // Files on demand: B opens A's first document; its published file comes down by hash.
    const feed = createStoreRegistersFeed(b.ws.store.context);
    const replica = issued[0]!;
    expect(
      b.ws.db.prepare('select file_sha256 from outgoing_documents where id = ?').pluck().get(replica.id),
    ).toBeNull();
    const fetched = await fetchReplicaFiles(b.ws.api, feed, createAttachmentFileSink(b.ws.filesDir), replica.id);
    expect(fetched).toBe(replica.fileSha256);
    expect(b.ws.db.prepare('select file_sha256 from outgoing_documents where id = ?').pluck().get(replica.id)).toBe(
      replica.fileSha256,
    );
    expect(readFileSync(attachmentPath(b.ws.filesDir, fetched!))).toEqual(
      readFileSync(attachmentPath(a.ws.filesDir, fetched!)),
    );
  });

  it('the server’s rules: a number per key, a block cut once, given-back numbers only from the server', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const { api } = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    const code = (error: unknown) => (error as { failure?: { code: string } }).failure?.code;
    const lease = (await api.mutate('/v1/leases', 'lease-key-1', {
      registerKind: 'den',
      year: 2026,
      count: 5,
      workstationId: 'ws-a',
    })) as { leaseId: string; from: number; to: number };
    const number = () => api.allocateNumber('den', 2026, 'doc-x', 'number-key-1', 5_000);
    const allocated = await number();
    expect(allocated).toBe(lease.to + 1);
    expect(await number()).toBe(allocated);

    // The block is cut at its third number: the rest goes to the pool, once.
    const cut = { from: lease.from + 2 };
    expect(await api.mutate(`/v1/leases/${lease.leaseId}/return`, 'return-key-1', cut)).toEqual({
      leaseId: lease.leaseId,
      from: lease.from + 2,
      to: lease.to,
      returned: 3,
    });
    expect(await api.mutate(`/v1/leases/${lease.leaseId}/return`, 'return-key-1', cut)).toMatchObject({ returned: 3 });
    await expect(api.mutate(`/v1/leases/${lease.leaseId}/return`, 'return-key-2', cut)).rejects.toSatisfy(
      (error) => code(error) === 'LEASE_RETURNED',
    );
    // A workstation may not claim a given-back number itself …
    await expect(
      api.mutate('/v1/documents/paper-1/registration', 'register-key-1', {
        year: 2026,
        soDen: lease.from + 3,
        ngayDen: '2026-03-02',
        document: {
          source: 'giay',
          metadata: {
            tenLoai: 'Công văn',
            soKyHieu: '1/UBND',
            // fixed-date: metadata of a paper document, not the numbering's clock.
            ngayBanHanh: '2026-02-27',
            coQuanBanHanh: 'UBND huyện Demo',
            trichYeu: 'Thử',
          },
          files: [],
        },
      }),
    ).rejects.toSatisfy((error) => code(error) === 'NUMBER_TAKEN');
    // … the server hands them out first, lowest first.
    expect(await api.allocateNumber('den', 2026, 'doc-y', 'number-key-2', 5_000)).toBe(lease.from + 2);

    // doc-x registered with a number of its block (its workstation stopped waiting): its allocated number goes back.
    await api.mutate('/v1/documents/doc-x/registration', 'register-key-2', {
      year: 2026,
      soDen: lease.from,
      ngayDen: '2026-03-02',
      document: {
        source: 'giay',
        metadata: {
          tenLoai: 'Công văn',
          soKyHieu: '2/UBND',
          ngayBanHanh: '2026-02-27',
          coQuanBanHanh: 'UBND huyện Demo',
          trichYeu: 'Thử',
        },
        files: [],
      },
    });
    expect(
      started.server.db.prepare('select no from returned_numbers where org = ? order by no').pluck().all(SNV),
    ).toEqual([lease.from + 3, lease.from + 4, allocated]);
  });
});
