import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../main/app/background.ts';
import type { DesktopNotice } from '../../../main/services/notices/notifier.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { openApp, type TestApp } from '../../support/app.ts';
import { startServer } from '../sync/support.ts';
import { SNV } from './support.ts';

interface App extends TestApp {
  readonly background: Background;
  readonly notices: DesktopNotice[];
}

describe('the office in the app: two composed workstations, their store workers and background loops', () => {
  let server: ReferenceServer | undefined;
  const apps: App[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) {
      await app.background.stop();
      await app.services.store.close();
    }
    await server?.close();
  });

  function open(url: string): App {
    const notices: DesktopNotice[] = [];
    const opened = openApp({
      prefix: 'office-app-',
      organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
      notifier: () => ({ notify: (notice) => notices.push(notice) }),
    });
    opened.services.settings.update({ server: { url } });
    const app: App = { ...opened, background: startBackground(opened.services), notices };
    apps.push(app);
    return app;
  }

  it('a văn thư trình through IPC reaches the leader’s queue by itself, with its file and a desktop notice', async () => {
    const started = await startServer();
    server = started.server;
    const vt = open(started.url);
    const ld = open(started.url);
    expect(await vt.call('people.signIn', { username: 'vanthu.snv', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { roles: ['van-thu'], mode: 'online' },
    });
    expect(await ld.call('people.signIn', { username: 'lanhdao.snv', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { roles: ['lanh-dao'] },
    });
    expect(await ld.call('people.colleagues', { role: 'chuyen-vien' })).toMatchObject({
      ok: true,
      value: [{ username: 'chuyenvien.snv' }, { username: 'chuyenvien2.snv' }, { username: 'lanhdao2.snv' }],
    });
    // The file enters through the intake (as the chooser or an upload does), then is named by hash.
    const bytes = Buffer.from('%PDF-1.7\n% công văn giấy đã quét\n%%EOF\n');
    const { handle } = vt.services.files.begin('pdf', 'cong-van.pdf', bytes.length);
    vt.services.files.append(handle, 0, bytes);
    const chosen = vt.services.files.finish(handle);

    // A leader's step on the văn thư's workstation is refused in main.
    const refused = await vt.call('office.take', {
      step: { kind: 'assign', yKien: '', chuTri: 'chuyenvien.snv', phoiHop: [], hanXuLy: null },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });

    const sentFrom = performance.now();
    const taken = (await vt.call('office.take', {
      step: {
        kind: 'submit',
        to: 'lanhdao.snv',
        document: {
          soKyHieu: '5/UBND',
          trichYeu: 'Về việc kiểm tra',
          coQuanBanHanh: 'UBND huyện',
          soDen: 4,
          ngayDen: null,
          trucDocumentId: null,
        },
        files: [{ sha256: chosen.sha256, name: 'cong-van.pdf', role: 'van-ban' }],
      },
    })) as { ok: true; value: { caseId: string } };
    expect(taken).toMatchObject({ ok: true, value: { caseState: 'da-trinh' } });
    // No "Đồng bộ ngay": the store worker wakes sync, the leader's long-poll wakes on the step.
    let queue: unknown[] = [];
    while (queue.length === 0 && performance.now() - sentFrom < 10_000) {
      await delay(25);
      const answer = (await ld.call('office.queue', {})) as { ok: true; value: { filesReady: boolean }[] };
      queue = answer.value.filter((entry) => entry.filesReady);
    }
    expect(queue).toMatchObject([{ caseId: taken.value.caseId, stepKind: 'submit', byName: 'Nguyễn Thị Lan' }]);
    expect(ld.notices).toMatchObject([{ title: 'Có văn bản mới: trình văn bản đến', documentId: taken.value.caseId }]);
    expect(await ld.call('office.case', { caseId: taken.value.caseId })).toMatchObject({
      ok: true,
      value: { state: 'da-trinh', files: [{ sha256: chosen.sha256, role: 'van-ban' }] },
    });
  }, 60_000);
});
