import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeServices } from '../../../main/app/compose.ts';
import { commands } from '../../../main/cli/commands/index.ts';
import { runCli } from '../../../main/cli/run.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createSqliteOutbox } from '../../../main/services/outbox/sqlite-outbox.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { startServer, tempDir } from './support.ts';

const SNV = '000.00.01.H99';

describe('vanthu sync', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('--once drains the profile outbox; status --json reports nothing pending', async () => {
    const started = await startServer();
    server = started.server;
    const profileDir = join(tempDir('cli'), 'profile');
    const env = { VANTHU_ORG: SNV, VANTHU_SYNC_PASSWORD: 'demo' };
    const cli = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(
        args,
        { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => '', env },
        commands,
        () => composeServices({ profileDir, shell: 'cli', log: silentLogger }),
      );
      return { code, out, err };
    };
    const { document_id: documentId } = started.server.db
      .prepare('select document_id from deliveries where to_org = ? limit 1')
      .get(SNV) as { document_id: string };

    // Queue a status the way the store does, in the profile's own database.
    const db = openDatabase(join(profileDir, 'vanthu.sqlite'));
    createSqliteOutbox(db).enqueue({
      kind: 'incoming.status',
      key: documentId,
      payload: { documentId, statusCode: '03', reason: null, at: '2026-03-02T08:00:00Z' },
    });
    db.close();

    const before = await cli(['sync', 'status', '--json']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toMatchObject({ pending: 1 });

    const refused = await cli(['sync', '--once', '--server', 'http://qlvb.example.gov.vn', '--user', 'vanthu.snv']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/HTTPS/);

    const once = await cli(['sync', '--once', '--server', started.url, '--user', 'vanthu.snv']);
    expect(once.err).toBe('');
    expect(once.code).toBe(0);
    expect(once.out).toMatch(/Đã gửi 1,.*nhận 3/);
    // The three arrivals wait in the profile's store for the clerk's tiếp nhận: nothing is registered yet.
    const again = await cli(['sync', '--once', '--server', started.url, '--user', 'vanthu.snv']);
    expect(again.out).toMatch(/Đã gửi 0/);
    expect(started.server.db.prepare('select count(*) as n from registrations').get()).toEqual({ n: 0 });

    const after = await cli(['sync', 'status', '--json']);
    expect(JSON.parse(after.out)).toMatchObject({ pending: 0, conflicts: [] });
    expect(started.server.db.prepare('select code from statuses where document_id = ?').all(documentId)).toEqual([
      { code: '03' },
    ]);
  });
});
