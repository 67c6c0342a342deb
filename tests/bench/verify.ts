/**
 * Benchmark: verify a 200-page PDF with two signatures (leader, then organization in a later
 * revision, so the first one's "what changed after" is computed), and compare with poppler's
 * `pdfsig` on the same file in the same run. Goals: issue #6, the CLI ≤ 1.0× pdfsig; issue #14,
 * in-process ≤ 0.35× pdfsig in CPU. In-process figures: the first verification of the process
 * (compiling the code), the next `iterations` (as this bench always measured), and `iterations`
 * more after 20 unmeasured ones (the main process of the app, which verifies all day).
 * Prints ms per verification for: vanthu in-process, `vanthu verify` as a process (Node start
 * included, like pdfsig's) both as shipped (the bundle `npm run build` makes, built afresh here
 * from the current sources) and from the sources, and pdfsig; and the ratios.
 *   node tests/bench/verify.ts [iterations]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import { preparePdf } from '../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../main/services/pdf/software-signer.ts';
import { createFileRevocationCache } from '../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../main/services/pdf/verify/verify-document.ts';
import { buildCli } from '../../scripts/bundles.ts';
import { buildPki } from '../support/pki/build.ts';

const iterations = Number(process.argv[2] ?? '10');
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-verify-'));
const BIN = fileURLToPath(new URL('../../main/cli/bin.ts', import.meta.url));
// Inside the repository, where the bundle's external packages resolve; apart from dist/cli.
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
mkdirSync(distDir, { recursive: true });
const bundleDir = mkdtempSync(join(distDir, 'bench-cli-'));
const BUNDLE = join(bundleDir, 'vanthu.mjs');

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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** CPU seconds of waited-for children (cutime + cstime in /proc/self/stat), Linux only. */
function childCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) * 10; // USER_HZ is 100 on Linux
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

try {
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

  const anchors = loadTrustStore([pki.rootPem]);
  const cache = createFileRevocationCache(join(dir, 'cache'));
  const inProcess: number[] = [];
  const firstCpu = process.cpuUsage();
  const check = await verifyPdfBytes(bytes, two, { anchors, offline: true, cache }); // warm-up, outside the figures
  const firstUsed = process.cpuUsage(firstCpu);
  if (check.report.signatures.length !== 2 || check.report.signatures.some((s) => s.integrity !== 'ok')) {
    throw new Error(`unexpected verification: ${JSON.stringify(check.report.signatures.map((s) => s.integrity))}`);
  }
  const inProcessCpu: number[] = [];
  const verifyTimed = async (wall: number[], cpu: number[]) => {
    const start = performance.now();
    const before = process.cpuUsage();
    await verifyPdfBytes(new Uint8Array(readFileSync(two)), two, { anchors, offline: true, cache });
    wall.push(performance.now() - start);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  };
  for (let i = 0; i < iterations; i += 1) {
    await verifyTimed(inProcess, inProcessCpu);
  }
  for (let i = 0; i < 20; i += 1) {
    await verifyTimed([], []);
  }
  const warmed: number[] = [];
  const warmedCpu: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    await verifyTimed(warmed, warmedCpu);
  }
  const env = { ...process.env, VANTHU_PROFILE: join(dir, 'profile') };
  await buildCli(bundleDir);
  const vanthuVerify = (bin: string) => () => {
    const run = spawnSync(process.execPath, [bin, 'verify', two, '--trust', pki.rootPem, '--offline', '--json'], {
      env,
      encoding: 'utf8',
    });
    if (run.status !== 2) {
      throw new Error(`vanthu verify exited ${run.status}: ${run.stderr}`);
    }
  };
  // Warm-up outside the figures: the first run of each fills Node's compile cache.
  vanthuVerify(BUNDLE)();
  vanthuVerify(BIN)();
  const cli: number[] = [];
  const cliSource: number[] = [];
  const pdfsig: number[] = [];
  let cliCpu = 0;
  let cliSourceCpu = 0;
  let pdfsigCpu = 0;
  for (let i = 0; i < iterations; i += 1) {
    const c0 = childCpuMs();
    cli.push(timed(vanthuVerify(BUNDLE)));
    const cs = childCpuMs();
    cliSource.push(timed(vanthuVerify(BIN)));
    const c1 = childCpuMs();
    pdfsig.push(
      timed(() => {
        const run = spawnSync('pdfsig', ['-nssdir', `sql:${pki.nssDir}`, '-no-ocsp', two], { encoding: 'utf8' });
        if (!run.stdout.includes('Signature is Valid.')) {
          throw new Error(`pdfsig: ${run.stdout}${run.stderr}`);
        }
      }),
    );
    cliCpu += cs - c0;
    cliSourceCpu += c1 - cs;
    pdfsigCpu += childCpuMs() - c1;
  }
  const [a, b, c] = [median(inProcess), median(cli), median(pdfsig)];
  // CPU time as well as wall time: on a busy machine wall time mostly measures the queue.
  const [ac, bc, cc] = [mean(inProcessCpu), cliCpu / iterations, pdfsigCpu / iterations];
  const [s, sc] = [median(cliSource), cliSourceCpu / iterations];
  console.log(
    `file: 200 pages, 2 signatures, ${(bytes.length / 1024).toFixed(0)} KiB; ${iterations} runs each (wall: median, CPU: mean)`,
  );
  console.log(`                      wall        CPU`);
  const [w, wc] = [median(warmed), mean(warmedCpu)];
  console.log(
    `vanthu in-process     ${'—'.padStart(7)}     ${((firstUsed.user + firstUsed.system) / 1000).toFixed(1).padStart(7)} ms   first of the process`,
  );
  console.log(
    `vanthu in-process     ${a.toFixed(1).padStart(7)} ms  ${ac.toFixed(1).padStart(7)} ms   the next ${iterations}`,
  );
  console.log(
    `vanthu in-process     ${w.toFixed(1).padStart(7)} ms  ${wc.toFixed(1).padStart(7)} ms   warmed (after 20 more)`,
  );
  console.log(
    `vanthu verify (CLI)   ${b.toFixed(1).padStart(7)} ms  ${bc.toFixed(1).padStart(7)} ms   as shipped (bundle)`,
  );
  console.log(
    `vanthu verify (CLI)   ${s.toFixed(1).padStart(7)} ms  ${sc.toFixed(1).padStart(7)} ms   from the sources`,
  );
  console.log(`pdfsig                ${c.toFixed(1).padStart(7)} ms  ${cc.toFixed(1).padStart(7)} ms`);
  console.log(
    `ratio in-process/pdfsig ${(ac / cc).toFixed(2)}× CPU, warmed ${(wc / cc).toFixed(2)}× CPU (goal ≤ 0.35×);   CLI/pdfsig ${(b / c).toFixed(2)}× wall, ${(bc / cc).toFixed(2)}× CPU   (goal ≤ 1.0×)`,
  );
} finally {
  // BENCH_KEEP=1 leaves the file and PKI behind for profiling (`node --cpu-prof`).
  if (process.env.BENCH_KEEP === '1') {
    console.log(`kept: ${dir} (bundle: ${BUNDLE})`);
  } else {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundleDir, { recursive: true, force: true });
  }
}
