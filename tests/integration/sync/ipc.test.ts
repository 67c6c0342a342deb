import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteOutbox } from '../../../main/services/outbox/sqlite-outbox.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { openApp } from '../../support/app.ts';
import { startServer, tempDir } from './support.ts';

const SNV = '000.00.01.H99';

describe('sync over IPC (the store worker outbox, the same handler table as both shells)', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('shows pending work before configuration, sends it on "retry now", and lists no conflicts', async () => {
    const started = await startServer();
    server = started.server;
    const profileDir = join(tempDir('ipc'), 'profile');
    const { document_id: documentId } = started.server.db
      .prepare('select document_id from deliveries where to_org = ? limit 1')
      .get(SNV) as { document_id: string };
    const db = openDatabase(join(profileDir, 'vanthu.sqlite'));
    createSqliteOutbox(db).enqueue({
      kind: 'incoming.status',
      key: documentId,
      payload: { documentId, statusCode: '01', reason: null, at: '2026-03-02T08:00:00Z' },
    });
    db.close();

    const app = openApp({
      profileDir,
      organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
      syncCredentials: () => ({ username: 'vanthu.snv', password: 'demo' }),
    });
    const { services, call } = app;
    const events: string[] = [];
    services.events.subscribe((name) => events.push(name));
    try {
      expect(await call('sync.status', {})).toMatchObject({ ok: true, value: { connection: 'unknown', pending: 1 } });

      services.settings.update({ server: { url: 'http://qlvb.example.gov.vn' } });
      expect(await call('sync.retryNow', {})).toMatchObject({ ok: false, error: { code: 'SYNC_INSECURE_URL' } });

      services.settings.update({ server: { url: started.url } });
      // The inbox arrives in the store (through its worker): three documents, waiting for tiếp nhận.
      expect(await call('sync.retryNow', {})).toMatchObject({ ok: true, value: { connection: 'online', pending: 0 } });
      const listed = await call('incoming.list', {});
      expect(listed.ok && listed.value).toEqual([
        expect.objectContaining({ source: 'truc', state: 'da-den' }),
        expect.objectContaining({ source: 'truc', state: 'da-den' }),
        expect.objectContaining({ source: 'truc', state: 'da-den' }),
      ]);
      expect(await call('sync.retryNow', {})).toMatchObject({ ok: true, value: { connection: 'online', pending: 0 } });
      // The register of arrivals got a block of numbers, requested under this installation's stable id.
      const workstationId = services.settings.get().server.workstationId;
      expect(workstationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(started.server.db.prepare('select distinct workstation from leases').all()).toEqual([
        { workstation: workstationId },
      ]);
      expect(await call('sync.conflicts', {})).toEqual({ ok: true, value: [] });
      expect(events).toContain('sync.changed');
      expect(started.server.db.prepare('select code from statuses where document_id = ?').all(documentId)).toEqual([
        { code: '01' },
      ]);
    } finally {
      await app.close();
    }
  });
});
