import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore, type StoreApi } from '../../../main/services/store/store.ts';
import { ApiClient } from '../../../main/services/sync/api-client.ts';
import { SyncEngine } from '../../../main/services/sync/engine.ts';
import { systemClock } from '../../../main/services/sync/ports.ts';
import { createAxiosTransport } from '../../../main/services/sync/transport.ts';
import { startServer } from '../sync/support.ts';
import { tempDir } from './helpers.ts';

const SNV = '000.00.01.H99';
const STC = '000.00.02.H99';

function client(url: string, username: string): ApiClient {
  return new ApiClient(
    createAxiosTransport({ baseUrl: url, timeoutMs: 20_000 }),
    () => ({ username, password: DEMO_PASSWORD }),
    // real time: the client talks to the reference server, which runs on the real clock.
    () => new Date(),
  );
}

/** A workstation whose directory and outbox are the real store (no fake sink). */
function workstation(url: string): { store: StoreApi; engine: SyncEngine; api: ApiClient; dir: string } {
  const dir = tempDir('vanthu-sinks-');
  const db = openDatabase(join(dir, 'vanthu.sqlite'));
  const store = createStore({ db, filesDir: join(dir, 'files'), maDinhDanh: SNV, tenCoQuan: 'Sở Nội vụ tỉnh Demo' });
  const api = client(url, 'vanthu.snv');
  const engine = new SyncEngine({
    api,
    outbox: store.context.outbox,
    files: { pathOf: (sha256) => attachmentPath(join(dir, 'files'), sha256) },
    directory: {
      cursor: () => store.directoryCursor(),
      apply: (items, next) => void store.applyDirectory(items, next),
    },
    clock: systemClock,
    log: silentLogger,
  });
  return { store, engine, api, dir };
}

describe('store sinks against the reference server', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('fills the directory from the server and shows recipients’ statuses on the outgoing document', async () => {
    const started = await startServer();
    servers.push(started.server);
    const ws = workstation(started.url);
    await ws.engine.runRound();
    expect(ws.store.directoryCursor()).not.toBeNull();
    expect(ws.store.searchOrganizations('so tai chinh demo')).toMatchObject([{ maDinhDanh: STC, nguon: 'directory' }]);
    const before = ws.store.listOrganizations().total;
    await ws.engine.runRound();
    expect(ws.store.listOrganizations().total).toBe(before);

    // Publish to Sở Tài chính, chosen from the directory.
    const [recipient] = ws.store.searchOrganizations('tai chinh');
    const doc = ws.store.createOutgoing(
      OutgoingInputSchema.parse({
        tenLoai: 'Công văn',
        kyHieu: 'SNV-VP',
        trichYeu: 'Về việc rà soát biên chế',
        coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
        recipients: [{ maDinhDanh: recipient?.maDinhDanh ?? '', ten: recipient?.ten ?? '' }],
      }),
    );
    const pdf = join(ws.dir, 'signed.pdf');
    writeFileSync(pdf, '%PDF-1.7\n% signed and sealed\n');
    ws.store.context.registers.addLease(doc.registerId, { firstNumber: 1, lastNumber: null });
    ws.store.submitOutgoing(doc.id);
    ws.store.markSigned(doc.id, pdf);
    ws.store.issueNumber(doc.id);
    ws.store.markSealed(doc.id, pdf);
    ws.store.publishOutgoing(doc.id);
    await ws.engine.runRound();
    expect(ws.store.context.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });

    // The recipient accepts it (03) on its own workstation.
    const stc = client(started.url, 'vanthu.stc');
    await stc.mutate(`/v1/documents/${doc.id}/statuses`, 'status-1', { code: '03' });

    expect(ws.store.outgoingAwaitingStatuses()).toEqual([doc.id]);
    const updates = await Promise.all(
      ws.store.outgoingAwaitingStatuses().map(async (documentId) => ({
        documentId,
        recipients: await ws.api.recipients(documentId),
      })),
    );
    expect(ws.store.applyRecipientStatuses(updates)).toMatchObject({ added: 1, ignored: [] });
    expect(ws.store.getOutgoing(doc.id).recipients).toMatchObject([{ maDinhDanh: STC, statusCode: '03' }]);
  });
});
