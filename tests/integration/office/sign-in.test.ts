import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { testNow } from '../../support/clock/clock.ts';
import { startServer, tempDir, virtualClock } from '../sync/support.ts';
import { closeOfficeWorkstations, openOfficeWorkstation, SNV } from './support.ts';

describe('people: sign-in with the server account, offline sign-in from a local verifier', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeOfficeWorkstations();
    await server?.close();
    server = undefined;
  });

  it('online sign-in gives the roles; offline, only a person who signed in here before, with the right password', async () => {
    const clock = virtualClock(testNow().getTime());
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const dir = tempDir('office-sign-in');
    const ws = openOfficeWorkstation({ url: started.url, maDinhDanh: SNV, clock, dir });

    // The server's refusal is final: never retried against the local verifier.
    await expect(ws.people.signIn('lanhdao2.snv', 'sai-mat-khau')).rejects.toMatchObject({ code: 'SYNC_AUTH' });
    const online = await ws.people.signIn('lanhdao2.snv', DEMO_PASSWORD);
    // The workstation profile follows the person: the issuing chain's role checks are theirs now.
    expect(ws.store.getProfile()).toMatchObject({ role: 'lanh-dao', hoTen: 'Đỗ Thị Mai', chucVu: 'Phó Giám đốc' });
    expect(online).toMatchObject({
      mode: 'online',
      roles: ['chuyen-vien', 'lanh-dao'],
      fullName: 'Đỗ Thị Mai',
      department: null,
    });
    // Colleagues for choosing a leader or a specialist, kept for offline use.
    expect((await ws.people.colleagues('lanh-dao')).map((p) => p.username).sort()).toEqual([
      'lanhdao.snv',
      'lanhdao2.snv',
    ]);
    // The verifier is salted scrypt; the password is nowhere in the database.
    const verifier = ws.db
      .prepare('select verifier from office_people where username = ?')
      .pluck()
      .get('lanhdao2.snv') as string;
    expect(verifier).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const dump = ws.db
      .prepare(`select group_concat(verifier || roles || full_name) from office_people`)
      .pluck()
      .get() as string;
    expect(dump).not.toContain(DEMO_PASSWORD);
    ws.people.signOut();
    expect(ws.people.current()).toBeNull();

    // The server becomes unreachable (every connection dropped).
    started.server.faults.update({ outage: { startMs: 0, endMs: Number.MAX_SAFE_INTEGER } });
    const offline = await ws.people.signIn('lanhdao2.snv', DEMO_PASSWORD);
    expect(offline).toMatchObject({ mode: 'offline', roles: ['chuyen-vien', 'lanh-dao'], username: 'lanhdao2.snv' });
    await expect(ws.people.signIn('lanhdao2.snv', 'sai-mat-khau')).rejects.toMatchObject({ code: 'SYNC_AUTH' });
    await expect(ws.people.signIn('chuyenvien.snv', DEMO_PASSWORD)).rejects.toMatchObject({
      code: 'SYNC_OFFLINE',
      message: expect.stringContaining('chưa từng đăng nhập trên máy này'),
    });
    // Offline, the person works: a step is kept in the outbox for later.
    const caseId = ws.office.newCaseId();
    const draft = ws.putFile(Buffer.from('%PDF-1.7\n%%EOF\n'));
    await ws.office.take(caseId, {
      kind: 'draft',
      trichYeu: 'Dự thảo soạn khi mất mạng',
      tenLoai: 'Tờ trình',
      files: [{ sha256: draft, name: 'du-thao.pdf', role: 'du-thao' }],
    });
    expect(ws.store.context.outbox.counts().pending).toBe(1);
  }, 60_000);

  it('a step taken after an offline sign-in never travels under the session of the person before', async () => {
    const clock = virtualClock(testNow().getTime());
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const ws = openOfficeWorkstation({ url: started.url, maDinhDanh: SNV, clock });
    await ws.people.signIn('chuyenvien.snv', DEMO_PASSWORD);
    await ws.people.signIn('lanhdao.snv', DEMO_PASSWORD); // the session in memory is now the leader's
    started.server.faults.update({ outage: { startMs: 0, endMs: Number.MAX_SAFE_INTEGER } });
    await ws.people.signIn('chuyenvien.snv', DEMO_PASSWORD);
    expect(ws.people.current()).toMatchObject({ username: 'chuyenvien.snv', mode: 'offline' });
    const caseId = ws.office.newCaseId();
    const draft = ws.putFile(Buffer.from('%PDF-1.7\n% offline\n%%EOF\n'));
    await ws.office.take(caseId, {
      kind: 'draft',
      trichYeu: 'Soạn khi mất mạng',
      tenLoai: 'Công văn',
      files: [{ sha256: draft, name: 'du-thao.pdf', role: 'du-thao' }],
    });
    started.server.faults.update({ outage: null });
    await ws.engine.runUntilIdle({ maxRounds: 3 });
    // Not applied as the leader: it waits, kept.
    expect(started.server.db.prepare('select count(*) from office_steps').pluck().get()).toBe(0);
    expect(ws.store.context.outbox.counts()).toMatchObject({ pending: 1, failed: 0 });
    // Once the chuyên viên signs in online, it goes, as theirs.
    await ws.people.signIn('chuyenvien.snv', DEMO_PASSWORD);
    await ws.engine.runUntilIdle({ maxRounds: 50 });
    expect(started.server.db.prepare('select actor from office_steps').pluck().all()).toEqual(['chuyenvien.snv']);
  }, 60_000);

  it('a request failing in passing (a 503, a lost answer) is asked again: the person signs in online, not told the network is down', async () => {
    const clock = virtualClock(testNow().getTime());
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const ws = openOfficeWorkstation({
      url: started.url,
      maDinhDanh: SNV,
      clock,
      dir: tempDir('office-sign-in-faults'),
    });
    // Seeded: the same requests fail on every run; about one in three does.
    started.server.faults.update({ errorRate: 0.3, resetRate: 0.1, seed: 16 });
    for (const username of ['vanthu.snv', 'lanhdao.snv', 'lanhdao2.snv', 'chuyenvien.snv']) {
      await expect(ws.people.signIn(username, DEMO_PASSWORD)).resolves.toMatchObject({ mode: 'online', username });
      ws.people.signOut();
    }
  });
});
