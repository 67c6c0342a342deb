import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ReferenceServer } from '../../../server/app.ts';
import { blobPath } from '../../../server/blobs.ts';
import type { OutboxStore } from '../../../main/services/outbox/outbox-store.ts';
import { sha256 } from './support.ts';

export const SNV = '000.00.01.H99';
export const STC = '000.00.02.H99';

export interface Scenario {
  readonly statusJobs: number;
  readonly publishJobs: number;
  readonly mutationJobIds: readonly string[];
  readonly files: readonly string[];
}

/**
 * A busy day queued on one workstation: registrations and many statuses on the incoming
 * documents (ordered per document), and outgoing documents with files of varied sizes, some
 * spanning several upload chunks.
 */
export function queueScenario(
  outbox: OutboxStore,
  putFile: (bytes: Buffer) => string,
  incoming: readonly string[],
  options: {
    publishes: number;
    statusesPerDocument: number;
    bigEvery: number;
    now: Date;
    /** Registration jobs the store already queued when the documents arrived (not queued again). */
    registered?: readonly string[];
  },
): Scenario {
  const ids: string[] = [...(options.registered ?? [])];
  const files: string[] = [];
  let statusJobs = 0;
  incoming.forEach((documentId, index) => {
    if (options.registered === undefined) {
      ids.push(
        outbox.enqueue(
          {
            kind: 'incoming.register',
            key: documentId,
            payload: {
              documentId,
              registerId: 'den',
              soDen: index + 1,
              soDenTam: null,
              ngayDen: '2026-03-02',
              maDinhDanhVanBan: null,
              soKyHieu: 'x',
              coQuanBanHanh: '000.00.00.H99',
              trichYeu: 't',
              fileSha256: null,
            },
          },
          options.now,
        ).id,
      );
    }
    for (let i = 0; i < options.statusesPerDocument; i += 1) {
      const code = (['01', '03', '04', '05', '06'] as const)[i % 5]!;
      ids.push(
        outbox.enqueue(
          {
            kind: 'incoming.status',
            key: documentId,
            payload: { documentId, statusCode: code, reason: null, at: '2026-03-02T09:00:00Z' },
          },
          options.now,
        ).id,
      );
      statusJobs += 1;
    }
  });
  for (let i = 0; i < options.publishes; i += 1) {
    const size = (i + 1) % options.bigEvery === 0 ? 9 * 1024 * 1024 + i : 1024 + i * 997;
    const bytes = randomBytes(size);
    const fileSha = putFile(bytes);
    files.push(fileSha);
    const documentId = `0195f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`;
    outbox.enqueue(
      { kind: 'file.upload', key: fileSha, payload: { sha256: fileSha, size, fileName: `vb${i}.pdf` } },
      options.now,
    );
    ids.push(
      outbox.enqueue(
        {
          kind: 'outgoing.publish',
          key: documentId,
          payload: {
            documentId,
            maDinhDanhVanBan: `${SNV},2026/03/02,${i + 1}/SNV-VP`,
            recipients: [{ maDinhDanh: STC, ten: 'Sở Tài chính' }],
            signedSha256: fileSha,
          },
        },
        options.now,
      ).id,
    );
  }
  return { statusJobs, publishJobs: options.publishes, mutationJobIds: ids, files };
}

/** Every change exactly once on the server, every file intact. Returns a list of problems (empty = good). */
export function auditServer(server: ReferenceServer, scenario: Scenario): string[] {
  const problems: string[] = [];
  const db = server.db;
  const keys = new Set((db.prepare('select key from idempotency').all() as { key: string }[]).map((r) => r.key));
  for (const id of scenario.mutationJobIds) {
    if (!keys.has(id)) {
      problems.push(`change ${id} missing on the server`);
    }
  }
  const statusRows = db.prepare('select change_key, count(*) as n from statuses group by change_key').all() as {
    change_key: string;
    n: number;
  }[];
  if (statusRows.length !== scenario.statusJobs) {
    problems.push(`expected ${scenario.statusJobs} statuses, found ${statusRows.length}`);
  }
  for (const row of statusRows.filter((r) => r.n !== 1)) {
    problems.push(`status ${row.change_key} applied ${row.n} times`);
  }
  const published = db.prepare(`select count(*) as n from documents where from_org = ?`).get(SNV) as { n: number };
  if (published.n !== scenario.publishJobs) {
    problems.push(`expected ${scenario.publishJobs} published documents, found ${published.n}`);
  }
  for (const file of scenario.files) {
    if (sha256(readFileSync(blobPath(server.state.dataDir, file))) !== file) {
      problems.push(`file ${file} corrupted on the server`);
    }
  }
  return problems;
}
