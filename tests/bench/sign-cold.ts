/**
 * Benchmark: one document signed by a cold process, as a clerk's script or the app's first
 * signature does it. `vanthu sign` (the shipped bundle, dist/cli/vanthu.mjs: build first) on the
 * SoftHSM2 token beside `mutool sign` (PKCS#12) on the same prepared file, and `node -e 0` in the
 * same run, whose time is subtracted: what is left is the work of our command (loading its
 * modules, the token login, the signature). Peak RSS from /usr/bin/time. Prints figures; asserts
 * nothing. Goals (issue #14): ≤ 0.3 s net of Node's start-up, ≤ 100 MiB peak RSS.
 * BENCH_BEFORE=<an older bundle's vanthu.mjs> adds that bundle, interleaved with the others, to
 * compare before and after a change in one run.
 *   node tests/bench/sign-cold.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findField } from '../../main/services/pdf/sign/form.ts';
import { Increment } from '../../main/services/pdf/sign/increment.ts';
import { preparePdf } from '../../main/services/pdf/sign/prepare.ts';
import { autoPrepareOptions } from '../../main/services/signing/prepare.ts';
import { signaturePng } from '../support/corpus/images.ts';
import { buildPki, P12_PASSWORD } from '../support/pki/build.ts';

const runs = Number(process.argv[2] ?? '10');
const CLI = 'dist/cli/vanthu.mjs';
const BEFORE = process.env.BENCH_BEFORE;
const SOURCE = 'tests/fixtures/pdf/lo-qd-kt-1.pdf';
if (!existsSync(CLI)) {
  throw new Error(`${CLI} is missing: run node scripts/build.ts first`);
}
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-sign-cold-'));

interface Run {
  readonly ms: number;
  /** User + system CPU time of the process (all its threads): less moved by other users' load. */
  readonly cpuMs: number;
  readonly rssMiB: number;
}

/** One process under /usr/bin/time: wall time measured here, CPU time and peak RSS as time reports them. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Run {
  const report = join(dir, 'time.txt');
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', report, command, ...args], { env });
  const ms = performance.now() - start;
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.toString()}`);
  }
  const [kib = 0, user = 0, system = 0] = (readFileSync(report, 'utf8').trim().split('\n').pop() ?? '')
    .split(' ')
    .map(Number);
  return { ms, cpuMs: (user + system) * 1000, rssMiB: kib / 1024 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function summary(list: readonly Run[]): Run {
  return {
    ms: median(list.map((r) => r.ms)),
    cpuMs: median(list.map((r) => r.cpuMs)),
    rssMiB: Math.max(...list.map((r) => r.rssMiB)),
  };
}

try {
  const pki = await buildPki(join(dir, 'pki'), new Date() /* real time: a benchmark run, checked now */);
  const person = pki.certs['person'];
  const token = person?.token;
  const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin;
  if (person === undefined || token === undefined || pin === undefined) {
    throw new Error('test PKI has no person certificate on a token');
  }
  // The draft as the app makes it: số, date and both signature fields from the document's text.
  const source = new Uint8Array(readFileSync(SOURCE));
  const prepared = join(dir, 'prepared.pdf');
  await preparePdf(source, prepared, await autoPrepareOptions(source, ['personal', 'organization']));
  const fieldRef = findField(await Increment.open(new Uint8Array(readFileSync(prepared))), 'ChuKy_NguoiKy')?.ref;
  if (fieldRef === undefined) {
    throw new Error('prepared field not found');
  }
  const image = join(dir, 'chu-ky.png');
  writeFileSync(image, signaturePng());
  const env = { ...process.env, SOFTHSM2_CONF: pki.softhsm.conf, VANTHU_PIN: pin };
  const vanthu = (i: number, cli = CLI): Run =>
    timed(
      process.execPath,
      [
        cli,
        'sign',
        ...['--in', prepared, '--out', join(dir, `vanthu-${i}.pdf`)],
        ...['--module', pki.softhsm.module, '--token', token.label, '--key-id', token.keyIdHex],
        ...['--role', 'personal', '--field', 'ChuKy_NguoiKy', '--image', image, '--certify', '2'],
      ],
      env,
    );
  const mutool = (i: number): Run =>
    timed('mutool', [
      'sign',
      ...['-s', person.p12, '-P', P12_PASSWORD, '-o', join(dir, `mutool-${i}.pdf`)],
      prepared,
      String(fieldRef.objectNumber),
    ]);
  const bare = (): Run => timed(process.execPath, ['-e', '0']);

  // One run of each outside the figures: it fills Node's compile cache and the OS file cache,
  // as the first signature of a day would; "cold" here is a new process, not a cold disk.
  vanthu(-1);
  mutool(-1);
  bare();
  if (BEFORE !== undefined) {
    vanthu(-1, BEFORE);
  }
  const load = loadavg()[0] ?? 0;
  const ours: Run[] = [];
  const theirs: Run[] = [];
  const node: Run[] = [];
  const before: Run[] = [];
  // Interleaved, so a burst of load from the machine's other users hits all three alike.
  for (let i = 0; i < runs; i += 1) {
    node.push(bare());
    ours.push(vanthu(i));
    theirs.push(mutool(i));
    if (BEFORE !== undefined) {
      before.push(vanthu(i, BEFORE));
    }
  }
  const o = summary(ours);
  const m = summary(theirs);
  const n = summary(node);
  console.log(
    `input: ${SOURCE} prepared (${readFileSync(prepared).length} bytes); ${runs} runs each, medians; load average ${load.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end`,
  );
  const line = (label: string, r: Run) =>
    `${label.padEnd(32)} wall ${r.ms.toFixed(0)} ms, CPU ${r.cpuMs.toFixed(0)} ms, peak RSS ${r.rssMiB.toFixed(1)} MiB`;
  console.log(line('node -e 0:', n));
  console.log(line('vanthu sign (SoftHSM2, bundle):', o));
  console.log(line('mutool sign (PKCS#12):', m));
  if (BEFORE !== undefined) {
    const b = summary(before);
    console.log(line('vanthu sign, BENCH_BEFORE:', b));
    console.log(`BENCH_BEFORE net of node -e 0: CPU ${(b.cpuMs - n.cpuMs).toFixed(0)} ms`);
  }
  console.log(
    `vanthu net of node -e 0: wall ${(o.ms - n.ms).toFixed(0)} ms, CPU ${(o.cpuMs - n.cpuMs).toFixed(0)} ms (goal ≤ 300); peak RSS ${o.rssMiB.toFixed(1)} MiB (goal ≤ 100)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
