/**
 * Benchmark (issue #17): verifying arrivals in the background does not delay the inbox. 200
 * arrivals of a 200-page PDF signed twice (leader, then organization) enter the store the way
 * sync puts them there (inbox pages of 20 through the store worker); the app's arrival check
 * verifies them in the background while the Văn bản đến list is asked for every 25 ms through the
 * same IPC handler table as both shells. Three phases in one run: the list idle; the app's check
 * (the inspection in its worker thread, `inspect-worker-client.ts`); and, for comparison, the same
 * check with the inspection on the main thread (as before the worker). For each: verifications per
 * second, the list's response times (median, p95, max) and the main thread's event-loop delay.
 * Beside them, `pdfsig` verifying the same file as many times, one process each, in the same run.
 * The arrivals share one file (the store is content-addressed); each is verified on its own. No
 * malware scanner is used (ClamAV's databases cannot be fetched here), so the figure is the
 * verifier's and the check's own.
 *   node tests/bench/incoming-verify.ts [arrivals] [main-first]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import { composeServices } from '../../main/app/compose.ts';
import { dispatch } from '../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../main/ipc/handlers.ts';
import { createArrivalChecker, type ArrivalChecker } from '../../main/services/incoming/arrival-checker.ts';
import { inProcessInspector } from '../../main/services/incoming/inspect-file.ts';
import { noScanner } from '../../main/services/incoming/malware/malware-port.ts';
import { silentLogger } from '../../main/services/log/logger.ts';
import { createAppearance } from '../../main/services/pdf/stamp/appearance.ts';
import { preparePdf } from '../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../main/services/pdf/software-signer.ts';
import { sha256Of, writeAttachmentFile } from '../../main/services/store/attachments.ts';
import type { InboxItem } from '../../main/services/sync/ports.ts';
import { sealPng, signaturePng } from '../support/corpus/images.ts';
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
// As an issued document arrives: the leader's blue signature, the red seal over its left third.
await signPdf(new Uint8Array(readFileSync(prepared)), one, {
  signer: await signer('person'),
  role: 'personal',
  appearance: createAppearance,
  imagePng: signaturePng(),
});
await signPdf(new Uint8Array(readFileSync(one)), two, {
  signer: await signer('org'),
  role: 'organization',
  appearance: createAppearance,
  imagePng: sealPng(),
});
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

interface Phase {
  readonly label: string;
  readonly seconds: number;
  readonly during: number[];
  readonly loopP99: number;
  readonly loopMax: number;
}

/** `arrivals` more arrivals enter in pages of 20; `checker` checks them while the list is polled. */
async function phase(label: string, offset: number, sha256: string, checker: ArrivalChecker): Promise<Phase> {
  const during: number[] = [];
  let checking = true;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const poller = (async () => {
    while (checking) {
      during.push(await list());
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const start = performance.now();
  for (let first = offset; first < offset + arrivals; first += PAGE) {
    const items: InboxItem[] = [];
    for (let i = first; i < Math.min(offset + arrivals, first + PAGE); i += 1) {
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
    checker.wake();
  }
  let pending = arrivals;
  while (pending > 0) {
    await checker.idle();
    pending = (await services.store.call('incoming.pendingChecks', 1000)).length;
  }
  const seconds = (performance.now() - start) / 1000;
  checking = false;
  await poller;
  loop.disable();
  return { label, seconds, during, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
}

try {
  const sha256 = writeAttachmentFile(services.profile.files, bytes);
  if (sha256 !== sha256Of(bytes)) {
    throw new Error('content store hash mismatch');
  }
  // The list when nothing else runs.
  const idle: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    idle.push(await list());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const workerPhase = (offset: number) => phase('worker thread (the app)', offset, sha256, services.arrivals);
  // The same check with the inspection on the main thread, for comparison (nothing else wakes it).
  const mainPhase = (offset: number) =>
    phase(
      'main thread (before)',
      offset,
      sha256,
      createArrivalChecker({
        store: services.store.call,
        inspect: inProcessInspector(services.verify),
        scanner: noScanner,
        filesDir: services.profile.files,
        scratchDir: join(services.profile.cache, 'quet'),
        log: silentLogger,
      }),
    );
  // `main-first` swaps the phases, to see how much the order (load, warm-up) weighs.
  const mainFirst = process.argv[3] === 'main-first';
  const first = await (mainFirst ? mainPhase(0) : workerPhase(0));
  const second = await (mainFirst ? workerPhase(arrivals) : mainPhase(arrivals));
  const [inWorker, onMain] = mainFirst ? [second, first] : [first, second];
  // pdfsig on the same file as many times, one process each (what a command-line check costs).
  const pdfsigRuns = Math.min(arrivals, 100);
  const pdfsigStart = performance.now();
  for (let i = 0; i < pdfsigRuns; i += 1) {
    try {
      execFileSync('pdfsig', [two], { stdio: 'pipe' });
    } catch {
      // pdfsig exits non-zero for an untrusted chain; it verified the file all the same.
    }
  }
  const pdfsigSeconds = (performance.now() - pdfsigStart) / 1000;
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
  console.log(`arrivals: ${arrivals} per phase × ${(bytes.byteLength / 1024).toFixed(0)} KiB, 200 pages, 2 signatures`);
  console.log(`verdicts: ${[...verdicts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(
    `incoming.list (100 rows) idle:  n=${idle.length}, median ${ms(percentile(idle, 50))}, p95 ${ms(percentile(idle, 95))}`,
  );
  for (const p of [inWorker, onMain]) {
    console.log(
      `${p.label}: ${p.seconds.toFixed(1)} s, ${(arrivals / p.seconds).toFixed(1)} verifications/s; ` +
        `incoming.list during: n=${p.during.length}, median ${ms(percentile(p.during, 50))}, ` +
        `p95 ${ms(percentile(p.during, 95))}, max ${ms(Math.max(...p.during))}; ` +
        `main event-loop delay p99 ${ms(p.loopP99)}, max ${ms(p.loopMax)}`,
    );
  }
  console.log(
    `pdfsig, same file, ${pdfsigRuns} runs: ${pdfsigSeconds.toFixed(1)} s, ${(pdfsigRuns / pdfsigSeconds).toFixed(1)} verifications/s (${ms((pdfsigSeconds * 1000) / pdfsigRuns)} each)`,
  );
} finally {
  await services.arrivals.stop();
  await services.store.close();
}
