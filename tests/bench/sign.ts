/**
 * Benchmark: sign a 200-page PDF into its prepared signature field, many times in one process
 * through a SoftHSM2 token, and compare with `mutool sign` on the same file in the same run.
 * Prints ms per document, the ratio to mutool, and bytes added per signature.
 *   node tests/bench/sign.ts [iterations]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import { findField } from '../../main/services/pdf/sign/form.ts';
import { Increment } from '../../main/services/pdf/sign/increment.ts';
import { preparePdf } from '../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../main/services/pdf/sign/sign.ts';
import { createAppearance } from '../../main/services/pdf/stamp/appearance.ts';
import { embedVnFont } from '../../main/services/pdf/stamp/font.ts';
import { openTokenSigner } from '../../main/services/tokens/open-signer.ts';
import { signaturePng } from '../support/corpus/images.ts';
import { buildPki, P12_PASSWORD } from '../support/pki/build.ts';

const iterations = Number(process.argv[2] ?? '20');
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-sign-'));

async function twoHundredPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await embedVnFont(doc, 'regular');
  const line = 'Điều khoản thi hành: các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành văn bản này.';
  for (let p = 0; p < 200; p += 1) {
    const page = doc.addPage([595.28, 841.89]);
    for (let l = 0; l < 40; l += 1) {
      page.drawText(`${p + 1}.${l + 1} ${line}`, { x: 70, y: 790 - l * 18, size: 11, font, color: rgb(0, 0, 0) });
    }
  }
  return doc.save({ useObjectStreams: true });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

try {
  const pki = await buildPki(join(dir, 'pki'), new Date() /* real time: a benchmark run, checked now */);
  process.env['SOFTHSM2_CONF'] = pki.softhsm.conf;
  const source = await twoHundredPages();
  const prepared = join(dir, 'prepared.pdf');
  await preparePdf(source, prepared, {
    signers: [{ role: 'personal', placement: { pageIndex: 199, rect: { x: 330, y: 170, width: 150, height: 60 } } }],
  });
  const preparedBytes = new Uint8Array(readFileSync(prepared));
  const fieldRef = findField(await Increment.open(preparedBytes), 'ChuKy_NguoiKy')?.ref;
  if (fieldRef === undefined) {
    throw new Error('prepared field not found');
  }

  const person = pki.certs.person;
  if (person === undefined) {
    throw new Error('test PKI has no person certificate');
  }
  const tokenPin = pki.softhsm.tokens.find((t) => t.label === person.token?.label)?.pin ?? '';
  const handle = await openTokenSigner({
    modulePath: pki.softhsm.module,
    token: { label: person.token?.label ?? '' },
    keyIdHex: person.token?.keyIdHex ?? '',
    pin: tokenPin,
  });
  const image = signaturePng();
  const ours: number[] = [];
  let oursAdded = 0;
  try {
    // One cold run outside the figures (JIT, font parsing), then the batch.
    await signPdf(preparedBytes, join(dir, 'warm.pdf'), {
      signer: handle.signer,
      role: 'personal',
      appearance: createAppearance,
      imagePng: image,
    });
    for (let i = 0; i < iterations; i += 1) {
      const out = join(dir, `ours-${i}.pdf`);
      const start = performance.now();
      const bytes = new Uint8Array(readFileSync(prepared));
      await signPdf(bytes, out, {
        signer: handle.signer,
        role: 'personal',
        appearance: createAppearance,
        imagePng: image,
      });
      ours.push(performance.now() - start);
      oursAdded = statSync(out).size - preparedBytes.length;
    }
  } finally {
    await handle.close();
  }

  const theirs: number[] = [];
  let theirsAdded = 0;
  for (let i = 0; i < iterations; i += 1) {
    const out = join(dir, `mutool-${i}.pdf`);
    const start = performance.now();
    const run = spawnSync('mutool', [
      'sign',
      '-s',
      person.p12,
      '-P',
      P12_PASSWORD,
      '-o',
      out,
      prepared,
      String(fieldRef.objectNumber),
    ]);
    theirs.push(performance.now() - start);
    if (run.status !== 0) {
      throw new Error(`mutool sign failed: ${run.stderr.toString()}`);
    }
    theirsAdded = statSync(out).size - preparedBytes.length;
  }

  const oursMs = median(ours);
  const theirsMs = median(theirs);
  console.log(`input: 200 pages, ${preparedBytes.length} bytes (prepared, xref stream); ${iterations} signatures each`);
  console.log(
    `vanthu (SoftHSM2 token, visible PNG appearance, one process): ${oursMs.toFixed(1)} ms/document (median)`,
  );
  console.log(
    `mutool sign (PKCS#12, own appearance, process per document): ${theirsMs.toFixed(1)} ms/document (median)`,
  );
  console.log(`ratio vanthu/mutool: ${(oursMs / theirsMs).toFixed(2)}× (goal ≤ 1.0×)`);
  console.log(
    `bytes added per signature: vanthu ${oursAdded} (${(oursAdded / 1024).toFixed(1)} KB, goal ≤ 24 KB), mutool ${theirsAdded} (${(theirsAdded / 1024).toFixed(1)} KB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
