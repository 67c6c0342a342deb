import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkArrival } from '../../../main/services/incoming/arrival-checker.ts';
import { inProcessInspector } from '../../../main/services/incoming/inspect-file.ts';
import { createInspectWorker, type InspectWorker } from '../../../main/services/incoming/inspect-worker-client.ts';
import type { Logger } from '../../../main/services/log/logger.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { createVerifyService } from '../../../main/services/pdf/verify/verify-service.ts';
import { createSettingsStore } from '../../../main/services/settings/settings-store.ts';
import { attachmentPath, writeAttachmentFile } from '../../../main/services/store/attachments.ts';
import { useFilesKey } from '../../../main/services/cipher/files-key.ts';
import { isSealed } from '../../../main/services/cipher/sealed-file.ts';
import { testNow } from '../../support/clock/clock.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { certOf } from '../../support/verify/corpus.ts';
import { placementsFrom } from '../sign/flow-support.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-inspect-worker-'));
const FAKE = fileURLToPath(new URL('../../support/incoming/fake-inspect-worker.ts', import.meta.url));
const ORG = 'ỦY BAN NHÂN DÂN TỈNH X';
let signed: string;
const opened: InspectWorker[] = [];

function open(options: { script?: string; log?: Logger; profileKey?: Buffer } = {}): InspectWorker {
  const worker = createInspectWorker({
    cacheDir: join(dir, 'cache'),
    evidenceDir: join(dir, 'evidence'),
    filesDir: join(dir, 'files'),
    ...(options.profileKey === undefined ? {} : { profileKey: options.profileKey }),
    trustPaths: () => [pki.rootPem, pki.subPem],
    log: options.log ?? silentLogger,
    ...(options.script === undefined ? {} : { script: options.script }),
  });
  opened.push(worker);
  return worker;
}

function file(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '%PDF-1.7\n');
  return path;
}

beforeAll(async () => {
  const doc = await makeDocument();
  const prepared = join(dir, 'prepared.pdf');
  await preparePdf(doc.bytes, prepared, placementsFrom(doc.truth));
  const signer = (id: 'person' | 'org') =>
    softwareSignerFromFiles(certOf(pki, id).keyPem, certOf(pki, id).certPem, pki.chainPem);
  const one = join(dir, 'one.pdf');
  signed = join(dir, 'two.pdf');
  await signPdf(new Uint8Array(readFileSync(prepared)), one, {
    signer: await signer('person'),
    role: 'personal',
    appearance: createAppearance,
    imagePng: signaturePng(),
  });
  await signPdf(new Uint8Array(readFileSync(one)), signed, {
    signer: await signer('org'),
    role: 'organization',
    appearance: createAppearance,
    imagePng: sealPng(),
  });
}, 120_000);

afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => w.close()));
});

describe('the arrival check reads files in a worker thread', () => {
  it('gives the in-process inspection, the trust store from the settings, its log through the main logger', async () => {
    const events: string[] = [];
    const log: Logger = { ...silentLogger, info: (event) => events.push(event) };
    const worker = open({ log });
    const inWorker = await worker.inspect({ path: signed, coQuanBanHanh: ORG });
    const inProcess = await inProcessInspector(
      createVerifyService({
        settings: createSettingsStore({ store: { verify: { trustPaths: [pki.rootPem, pki.subPem] } } }),
        log: silentLogger,
        cacheDir: join(dir, 'cache-main'),
        evidenceDir: join(dir, 'evidence-main'),
      }),
    )({ path: signed, coQuanBanHanh: ORG });
    expect(inWorker.signatures).toEqual(inProcess.signatures);
    expect(inWorker.findings).toEqual(inProcess.findings);
    expect(inWorker.report?.verdict).toBe(inProcess.report?.verdict);
    expect(inWorker.signatures.map((s) => [s.kind, s.appearance?.kind])).toEqual([
      ['personal', 'personal'],
      ['organization', 'organization'],
    ]);
    // Trusted through the paths the worker was handed with the request.
    expect(inWorker.report?.signatures.every((s) => s.verdict !== 'invalid')).toBe(true);
    // The verifier's own log line came from the worker, through the main thread's logger.
    expect(events).toContain('verify.done');
    expect(worker.started()).toBe(1);
  });

  it('takes requests one at a time from its queue, in order', async () => {
    const worker = open({ script: FAKE });
    const paths = ['a', 'b', 'c', 'd'].map((n) => file(`${n}.pdf`));
    const order: string[] = [];
    await Promise.all(paths.map((path) => worker.inspect({ path, coQuanBanHanh: ORG }).then(() => order.push(path))));
    expect(order).toEqual(paths);
    expect(worker.started()).toBe(1);
  });

  it('restarts after a crash: the file is tried again, and a file that crashes it twice is reported, not retried', async () => {
    const warnings: string[] = [];
    const worker = open({ script: FAKE, log: { ...silentLogger, warn: (event) => warnings.push(event) } });
    const once = await worker.inspect({ path: file('crash-once.pdf'), coQuanBanHanh: ORG });
    expect(once.findings).toEqual([]);
    expect(worker.started()).toBe(2);

    const always = await worker.inspect({ path: file('crash-always.pdf'), coQuanBanHanh: ORG });
    expect(always.findings.map((f) => [f.code, f.severity])).toEqual([['CHECK_FAILED', 'indeterminate']]);
    expect(always.findings[0]?.message).toMatch(/^Không kiểm tra xong tệp: luồng kiểm tra dừng đột ngột/u);
    // The next file is served by a fresh worker.
    const after = await worker.inspect({ path: file('after.pdf'), coQuanBanHanh: ORG });
    expect(after.findings).toEqual([]);
    expect(worker.started()).toBe(4);
    expect(warnings.filter((w) => w === 'incoming.inspect-worker-lost')).toHaveLength(3);
  });

  it('quitting cancels the inspection under way and those queued; nothing is accepted afterwards', async () => {
    const worker = open({ script: FAKE });
    const hanging = worker.inspect({ path: file('hang.pdf'), coQuanBanHanh: ORG });
    const queued = worker.inspect({ path: file('next.pdf'), coQuanBanHanh: ORG });
    const settled = Promise.allSettled([hanging, queued]);
    await worker.close();
    const [first, second] = await settled;
    expect(first).toMatchObject({ status: 'rejected', reason: { code: 'VERIFY_FAILED' } });
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'VERIFY_FAILED' } });
    await expect(worker.inspect({ path: file('late.pdf'), coQuanBanHanh: ORG })).rejects.toMatchObject({
      code: 'VERIFY_FAILED',
    });
  });

  it('in an encrypted profile reads the sealed stored file in the clear, and never calls a scan of ciphertext clean', async () => {
    const profileKey = randomBytes(32);
    const filesDir = join(dir, 'files');
    useFilesKey(filesDir, profileKey);
    try {
      const sha256 = writeAttachmentFile(filesDir, new Uint8Array(readFileSync(signed)));
      expect(isSealed(readFileSync(attachmentPath(filesDir, sha256)))).toBe(true);
      const kinds = [
        ['personal', 'personal'],
        ['organization', 'organization'],
      ];
      const inWorker = await open({ profileKey }).inspect({
        path: attachmentPath(filesDir, sha256),
        coQuanBanHanh: ORG,
      });
      expect(inWorker.findings.map((f) => f.code)).not.toContain('UNREADABLE');
      expect(inWorker.signatures.map((s) => [s.kind, s.appearance?.kind])).toEqual(kinds);

      // The scanner sees the document's plaintext in a private copy, gone once the scan ends.
      const scanned: { path: string; header: string }[] = [];
      const { check } = await checkArrival(
        {
          inspect: inProcessInspector(
            createVerifyService({
              settings: createSettingsStore({ store: { verify: { trustPaths: [pki.rootPem, pki.subPem] } } }),
              log: silentLogger,
              cacheDir: join(dir, 'cache-main'),
              evidenceDir: join(dir, 'evidence-main'),
            }),
          ),
          scanner: {
            name: 'records',
            scan: (path) => {
              scanned.push({ path, header: readFileSync(path).subarray(0, 5).toString('latin1') });
              expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
              expect(statSync(path).mode & 0o777).toBe(0o600);
              return Promise.resolve({ scanner: 'records', status: 'clean', detail: '' });
            },
          },
          filesDir,
          scratchDir: join(dir, 'quet'),
        },
        { sha256, coQuanBanHanh: ORG },
        testNow(),
      );
      expect(check.signatures.map((s) => [s.kind, s.appearance?.kind])).toEqual(kinds);
      expect(check.malware).toEqual({ scanner: 'records', status: 'clean', detail: '' });
      expect(scanned.map((s) => s.header)).toEqual(['%PDF-']);
      expect(scanned[0]?.path).not.toBe(attachmentPath(filesDir, sha256));
      expect(existsSync(dirname(scanned[0]?.path ?? '/'))).toBe(false);
    } finally {
      useFilesKey(filesDir, null);
    }
  });
});
