import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAppendix, signCopy } from '../../../main/services/pdf/sign/appendix.ts';
import { runBatch, type BatchProgress } from '../../../main/services/pdf/sign/batch.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { tsaTimestampSource } from '../../../main/services/tsa/client.ts';
import { testNow } from '../../support/clock/clock.ts';
import { vnDateTime } from '../../support/clock/vn-time.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { pdfToText } from '../../support/corpus/render.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { startLoopbackTsa, type LoopbackTsa } from '../../support/tsa/tsa-server.ts';
import { allValid, extractSignatures, validateAll } from '../../support/validators.ts';
import { placementsFrom, read, signerFor, tempDir } from './flow-support.ts';

const pki = usePki();
let tsa: LoopbackTsa;

beforeAll(async () => {
  const material = pki.certs.tsa;
  if (material === undefined) {
    throw new Error('test PKI has no TSA certificate');
  }
  tsa = await startLoopbackTsa({ keyPem: material.keyPem, certPem: material.certPem, chainPem: pki.chainPem });
});
afterAll(async () => {
  await tsa.close();
});

// The run's anchor, not a calendar date: the PKI that signs is issued around it.
const signingTime = testNow();
const shown = vnDateTime(signingTime);

describe('appendix and electronic copy', () => {
  it('signs an appendix with the ND30 text line at the top right of page 1', async () => {
    const dir = tempDir();
    const doc = await makeDocument({ tenLoai: 'THÔNG BÁO' });
    const out = join(dir, 'Phụ lục I.pdf');
    await signAppendix(doc.bytes, out, {
      signer: await signerFor(pki, 'org'),
      appearance: createAppearance,
      soKyHieu: '15/QĐ-UBND',
      signingTime,
    });
    expect(allValid(validateAll(out, pki), 1)).toBe(true);
    expect(await pdfToText(read(out))).toContain(`Số: 15/QĐ-UBND; ${shown.date}; ${shown.time} +07:00`);
  });

  it('signs an electronic copy with "SAO Y; <cơ quan>; time"', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    const out = join(dir, 'Bản sao.pdf');
    await signCopy(doc.bytes, out, {
      signer: await signerFor(pki, 'org'),
      appearance: createAppearance,
      hinhThuc: 'SAO Y',
      coQuanSao: 'ỦY BAN NHÂN DÂN TỈNH X',
      signingTime,
    });
    expect(allValid(validateAll(out, pki), 1)).toBe(true);
    expect(await pdfToText(read(out))).toContain(`SAO Y; ỦY BAN NHÂN DÂN TỈNH X; ${shown.date}; ${shown.time} +07:00`);
  });
});

describe('ECDSA keys', () => {
  it('signs with an EC P-256 key (ecdsa-with-SHA256) that every validator accepts', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    const out = join(dir, 'ec.pdf');
    await signPdf(doc.bytes, out, { signer: await signerFor(pki, 'person-ec'), role: 'personal' });
    const report = validateAll(out, pki);
    expect(allValid(report, 1), JSON.stringify(report)).toBe(true);
    expect(report.pdfsig[0]?.signer).toBe('Trần Thị Bình');
  });
});

describe('PAdES B-T with a loopback RFC 3161 TSA', () => {
  it('embeds a time-stamp token over the signature value that openssl accepts', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    const out = join(dir, 'bt.pdf');
    const before = tsa.requests();
    await signPdf(doc.bytes, out, {
      signer: await signerFor(pki, 'person'),
      role: 'personal',
      timestamp: tsaTimestampSource({ url: tsa.url }),
    });
    expect(tsa.requests()).toBe(before + 1);
    expect(allValid(validateAll(out, pki), 1)).toBe(true);

    const [sig] = extractSignatures(read(out));
    if (sig === undefined) {
      throw new Error('no signature');
    }
    const content = pkijs.ContentInfo.fromBER(sig.cms.slice().buffer);
    const signerInfo = new pkijs.SignedData({ schema: content.content }).signerInfos[0];
    const attr = signerInfo?.unsignedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14');
    expect(attr).toBeDefined();
    const tokenPath = join(dir, 'token.der');
    writeFileSync(tokenPath, new Uint8Array(attr?.values[0]?.toBER(false) ?? new ArrayBuffer(0)));
    const imprint = createHash('sha256')
      .update(new Uint8Array(signerInfo?.signature.getValue() ?? new ArrayBuffer(0)))
      .digest('hex');
    const verify = spawnSync(
      'openssl',
      [
        'ts',
        '-verify',
        '-digest',
        imprint,
        '-in',
        tokenPath,
        '-token_in',
        '-CAfile',
        pki.rootPem,
        '-untrusted',
        pki.chainPem,
      ],
      { encoding: 'utf8' },
    );
    expect(`${verify.stdout}${verify.stderr}`).toContain('Verification: OK');
  });

  it('fails with TSA_FAILED and no output when the TSA is unreachable', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    await expect(
      signPdf(doc.bytes, join(dir, 'out.pdf'), {
        signer: await signerFor(pki, 'person'),
        role: 'personal',
        timestamp: tsaTimestampSource({ url: 'http://127.0.0.1:9/tsa', timeoutMs: 2000 }),
      }),
    ).rejects.toMatchObject({ code: 'TSA_FAILED' });
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout).toBe('');
  });
});

describe('batch', () => {
  it('signs many files with one signer, reports progress and continues past a bad file', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    const names = ['Văn bản 1.pdf', 'Văn bản 2 hỏng.pdf', 'Văn bản 3.pdf'];
    await preparePdf(doc.bytes, join(dir, names[0] ?? ''), placementsFrom(doc.truth));
    writeFileSync(join(dir, names[1] ?? ''), '%PDF-1.7\nhỏng');
    execFileSync('cp', [join(dir, names[0] ?? ''), join(dir, names[2] ?? '')]);
    const signer = await signerFor(pki, 'org');
    let calls = 0;
    const counted = { ...signer, sign: (data: Uint8Array) => ((calls += 1), signer.sign(data)) };
    const progress: BatchProgress[] = [];
    const results = await runBatch(
      names.map((n) => ({ inPath: join(dir, n), outPath: join(dir, `đã ký - ${n}`) })),
      (bytes, outPath) => signPdf(bytes, outPath, { signer: counted, role: 'organization' }),
      (p) => progress.push(p),
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]?.ok === false && results[1].error.code).toBe('PDF_MALFORMED');
    expect(calls).toBe(2);
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(progress[1]?.current).toBe(join(dir, names[1] ?? ''));
    for (const i of [0, 2]) {
      expect(allValid(validateAll(join(dir, `đã ký - ${names[i]}`), pki), 1)).toBe(true);
    }
  });
});
