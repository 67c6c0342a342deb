import { setTimeout as delay } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { testNow } from '../../support/clock/clock.ts';
import { startServer, virtualClock } from '../sync/support.ts';
import { closeOfficeWorkstations, drain, openOfficeWorkstation, SNV } from './support.ts';

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) {
      throw new Error('timed out');
    }
    await delay(10);
  }
}

describe('the person inbox wakes by long-poll', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeOfficeWorkstations();
    await server?.close();
    server = undefined;
  });

  it('a step reaches the recipient within 2 s of being sent; an empty inbox is held, not answered at once', async () => {
    const clock = virtualClock(testNow().getTime());
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const vt = openOfficeWorkstation({ url: started.url, maDinhDanh: SNV, clock });
    const ld = openOfficeWorkstation({ url: started.url, maDinhDanh: SNV, clock });
    const cv = openOfficeWorkstation({ url: started.url, maDinhDanh: SNV, clock });
    await vt.people.signIn('vanthu.snv', DEMO_PASSWORD);
    await ld.people.signIn('lanhdao.snv', DEMO_PASSWORD);
    await cv.people.signIn('chuyenvien.snv', DEMO_PASSWORD);

    // Nothing for the chuyên viên: the server holds the request for the whole wait.
    const heldFrom = performance.now();
    expect(await cv.inbox.pull(1)).toBe(0);
    expect(performance.now() - heldFrom).toBeGreaterThanOrEqual(900);

    ld.inbox.start();
    await delay(200); // the leader's long-poll is parked on the server
    const caseId = vt.office.newCaseId();
    const file = vt.putFile(Buffer.from('%PDF-1.7\n% công văn\n%%EOF\n'));
    const sentFrom = performance.now();
    await vt.office.take(caseId, {
      kind: 'submit',
      to: 'lanhdao.snv',
      document: {
        soKyHieu: '9/BNV',
        trichYeu: 'Về việc tuyển dụng',
        coQuanBanHanh: 'Bộ Nội vụ',
        soDen: 3,
        ngayDen: null,
        trucDocumentId: null,
      },
      files: [{ sha256: file, name: 'van-ban.pdf', role: 'van-ban' }],
    });
    await drain(vt);
    await until(async () => (await ld.office.queue()).some((entry) => entry.filesReady), 2_000);
    const elapsed = performance.now() - sentFrom;
    expect(elapsed).toBeLessThan(2_000);
    expect(ld.notices).toEqual([
      { title: 'Có văn bản mới: trình văn bản đến', body: 'Về việc tuyển dụng — Nguyễn Thị Lan', documentId: caseId },
    ]);

    // Quitting ends the held request at once instead of waiting out its 25 s.
    const stopFrom = performance.now();
    await ld.inbox.stop();
    expect(performance.now() - stopFrom).toBeLessThan(1_000);
  }, 60_000);
});
