/**
 * Benchmark (issue #17): verifying arrivals in the background does not delay the inbox. 200
 * arrivals of a 200-page PDF signed twice (leader, then organization) enter the store the way
 * sync puts them there (inbox pages of 20 through the store worker); the app's arrival check
 * verifies them in the background while the Văn bản đến list is asked for every 25 ms through the
 * same IPC handler table as both shells. Prints verifications per second and the list's response
 * times (median, p95, max) during the run, and the same list's times afterwards, idle, for comparison.
 * The 200 arrivals share one file (the store is content-addressed); each is verified on its own.
 * No malware scanner is used (ClamAV's databases cannot be fetched here), so the figure is the
 * verifier's and the check's own.
 *   node tests/bench/incoming-verify.ts [arrivals]
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import { composeServices } from '../../main/app/compose.ts';
import { dispatch } from '../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../main/ipc/handlers.ts';
import { silentLogger } from '../../main/services/log/logger.ts';
import { preparePdf } from '../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../main/services/pdf/software-signer.ts';
import { sha256Of, writeAttachmentFile } from '../../main/services/store/attachments.ts';
import type { InboxItem } from '../../main/services/sync/ports.ts';
import { buildPki } from '../support/pki/build.ts';

const arrivals = Number(process.argv[2] ?? '200');
const PAGE = 20;
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-incoming-'));
const ORG = '000.00.01.H99';

async function twoHundredPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const line = 'Dieu khoan thi hanh: cac co quan, don vi co lien quan chiu trach nhiem thi hanh van ban nay.';
  for (let p = 0; p < 200; p += 1) {
    const page = doc.addPage([595.28, 841.89]);
    for (let l = 0; l < 40; l += 1) {
      page.drawText(`${p + 1}.${l + 1} ${line}`, { x: 70, y: 790 - l * 18, size: 11, font, color: rgb(0, 0, 0) });
    }
  }
  return doc.save({ useObjectStreams: true });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const pki = await buildPki(join(dir, 'pki'), new Date() /* real time: a benchmark run, checked now */);
const cert = (id: string) => {
  const c = (pki.certs as Record<string, (typeof pki.certs)[keyof typeof pki.certs] | undefined>)[id];
  if (c === undefined) {
    throw new Error(`no ${id} certificate`);
  }
  return c;
};
const prepared = join(dir, 'prepared.pdf');
await preparePdf(await twoHundredPages(), prepared, {
  signers: [
    { role: 'personal', placement: { pageIndex: 199, rect: { x: 330, y: 170, width: 150, height: 60 } } },
    { role: 'organization', placement: { pageIndex: 199, rect: { x: 270, y: 150, width: 100, height: 100 } } },
  ],
});
const one = join(dir, 'one.pdf');
const two = join(dir, 'two.pdf');
const signer = async (id: string) => softwareSignerFromFiles(cert(id).keyPem, cert(id).certPem, pki.chainPem);
await signPdf(new Uint8Array(readFileSync(prepared)), one, { signer: await signer('person'), role: 'personal' });
await signPdf(new Uint8Array(readFileSync(one)), two, { signer: await signer('org'), role: 'organization' });
const bytes = new Uint8Array(readFileSync(two));

const profileDir = join(dir, 'profile');
const services = composeServices({ profileDir, shell: 'browser', log: silentLogger });
services.settings.update({
  organization: { maDinhDanh: ORG, name: 'Sở Nội vụ tỉnh Demo' },
  verify: { trustPaths: [pki.rootPem] },
});
const table = createHandlerTable(services);
const list = async (): Promise<number> => {
  const start = performance.now();
  const result = await dispatch(table, 'incoming.list', { limit: 100 }, { shell: 'browser' }, silentLogger);
  if (!result.ok) {
    throw new Error(`incoming.list: ${result.error.code}`);
  }
  return performance.now() - start;
};

try {
  const sha256 = writeAttachmentFile(services.profile.files, bytes);
  if (sha256 !== sha256Of(bytes)) {
    throw new Error('content store hash mismatch');
  }
  const during: number[] = [];
  let checking = true;
  const poller = (async () => {
    while (checking) {
      during.push(await list());
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const start = performance.now();
  for (let first = 0; first < arrivals; first += PAGE) {
    const items: InboxItem[] = [];
    for (let i = first; i < Math.min(arrivals, first + PAGE); i += 1) {
      items.push({
        seq: i + 1,
        kind: 'document',
        document: {
          id: `bench-${String(i).padStart(4, '0')}`,
          fromOrg: '000.00.00.H99',
          soKyHieu: `${i + 1}/QĐ-UBND`,
          trichYeu: `Văn bản thử số ${i + 1}`,
          tenLoai: 'Quyết định',
          ngayBanHanh: '2026-03-02',
          files: [{ sha256, name: 'qd.pdf', size: bytes.byteLength }],
          recalledAt: null,
          recallReason: null,
        },
      });
    }
    await services.store.call('sync.applyInbox', items, `cursor-${first}`);
    services.arrivals.wake();
  }
  let pending = arrivals;
  while (pending > 0) {
    await services.arrivals.idle();
    pending = (await services.store.call('incoming.pendingChecks', 1000)).length;
  }
  const seconds = (performance.now() - start) / 1000;
  checking = false;
  await poller;
  // The same list, same rows, when nothing else runs, for comparison.
  const idle: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    idle.push(await list());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const listed = (await dispatch(table, 'incoming.list', { limit: 1000 }, { shell: 'browser' }, silentLogger)) as {
    ok: true;
    value: { arrivalCheck: { verdict: string; signatures: { kind: string }[] } | null }[];
  };
  const verdicts = new Map<string, number>();
  for (const doc of listed.value) {
    const key = `${doc.arrivalCheck?.verdict ?? 'none'} (${doc.arrivalCheck?.signatures.map((s) => s.kind).join('+') ?? ''})`;
    verdicts.set(key, (verdicts.get(key) ?? 0) + 1);
  }
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`arrivals: ${arrivals} × ${(bytes.byteLength / 1024).toFixed(0)} KiB, 200 pages, 2 signatures`);
  console.log(`verdicts: ${[...verdicts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(`background check: ${seconds.toFixed(1)} s, ${(arrivals / seconds).toFixed(1)} verifications/s`);
  console.log(
    `incoming.list (100 rows) while checking: n=${during.length}, median ${ms(percentile(during, 50))}, p95 ${ms(percentile(during, 95))}, max ${ms(Math.max(...during))}`,
  );
  console.log(
    `incoming.list (100 rows) idle, after:    n=${idle.length}, median ${ms(percentile(idle, 50))}, p95 ${ms(percentile(idle, 95))}`,
  );
} finally {
  await services.store.close();
}
