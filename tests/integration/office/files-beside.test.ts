import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/services/sync/ports.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { startServer } from '../sync/support.ts';
import { closeOfficeWorkstations, drain, openOfficeWorkstation, SNV, type OfficeWorkstation } from './support.ts';

function submit(ws: OfficeWorkstation, caseId: string, bytes: Buffer) {
  const file = ws.putFile(bytes);
  return ws.office.take(caseId, {
    kind: 'submit',
    to: 'lanhdao.snv',
    document: {
      soKyHieu: `${caseId}/UBND`,
      trichYeu: `Văn bản ${caseId}`,
      coQuanBanHanh: 'UBND tỉnh',
      soDen: 1,
      ngayDen: null,
      trucDocumentId: null,
    },
    files: [{ sha256: file, name: 'van-ban.pdf', role: 'van-ban' }],
  });
}

describe('the person inbox fetches files beside the long-poll', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeOfficeWorkstations();
    await server?.close();
  });

  it('a step routed while an earlier case’s file still downloads is in the queue at once, not after the download', async () => {
    const started = await startServer();
    server = started.server;
    const vt = openOfficeWorkstation({ url: started.url, maDinhDanh: SNV, clock: systemClock });
    const ld = openOfficeWorkstation({ url: started.url, maDinhDanh: SNV, clock: systemClock });
    await vt.people.signIn('vanthu.snv', DEMO_PASSWORD);
    await ld.people.signIn('lanhdao.snv', DEMO_PASSWORD);
    ld.inbox.start();
    const queue = () => ld.office.queue();

    // A slow line: the first case's 60 KB take about three seconds to come down.
    started.server.faults.update({ dripBytesPerSecond: 20_000 });
    await submit(vt, 'cham', Buffer.from(`%PDF-1.7\n${'x'.repeat(60_000)}\n%%EOF\n`));
    await drain(vt);
    await expect.poll(async () => (await queue()).length, { timeout: 5_000, interval: 20 }).toBe(1);

    const sentAt = performance.now();
    await submit(vt, 'nhanh', Buffer.from('%PDF-1.7\n% ngắn\n%%EOF\n'));
    await drain(vt);
    await expect.poll(async () => (await queue()).length, { timeout: 5_000, interval: 20 }).toBe(2);
    const arrivedMs = performance.now() - sentAt;
    // The first case's file is still on its way: the second step did not wait for it.
    expect((await queue()).find((entry) => entry.caseId === 'cham')?.filesReady).toBe(false);
    expect(arrivedMs).toBeLessThan(1_500);

    await expect
      .poll(async () => (await queue()).every((entry) => entry.filesReady), { timeout: 15_000, interval: 50 })
      .toBe(true);
    await ld.inbox.stop();
    await delay(0);
  }, 30_000);
});
