import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuUsage } from 'node:process';
import type { IssuingSignResult } from '../../preload/contract/index.ts';
import { attachmentPath } from '../../main/services/store/attachments.ts';
import { issuingProfile } from '../hsm/workflow/issuing-support.ts';
import { buildPki } from '../support/pki/build.ts';
import { CLI_ENTRY, signBatchArgs } from './cli-sign-batch.ts';

/*
 * The leader's batch in CPU time (issue #15), without the browser: COUNT drafts signed by
 * `issuing.sign` through the app's handler table, services composed as the app composes them
 * (encrypted profile unless VANTHU_ENCRYPT_PROFILE=0), beside `vanthu sign-batch` on the same
 * stored drafts. CPU time of every thread (main, store worker, token worker), not wall time alone:
 * the build machine is shared and its load moves the wall figures by several times. Run it under
 * `node --cpu-prof` for the profile of each thread; the batch's window is printed in the
 * profile's clock (monotonic µs) to cut the profile to it.
 *   node tests/bench/ui-batch-phases.ts [count]
 */
const COUNT = Number(process.argv[2] ?? '100');
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-phases-'));
const pki = await buildPki(join(dir, 'pki'), new Date() /* real time: a benchmark run, checked now */);
process.env['SOFTHSM2_CONF'] = pki.softhsm.conf;
const encrypted = process.env['VANTHU_ENCRYPT_PROFILE'] !== '0';
const app = issuingProfile(pki, { profileDir: join(dir, 'ho-so'), encrypted });
const cliIn = join(dir, 'cli-vao');
mkdirSync(cliIn);
try {
  // As the app does once open (startBackground): the chain checks' worker loads before the batch.
  app.services.issuing.warm();
  const ids: string[] = [];
  for (let i = 1; i <= COUNT; i++) {
    const doc = await app.draft(`Văn bản số ${i} của phép đo`);
    ids.push(doc.id);
    if (!encrypted && doc.fileSha256 !== null) {
      copyFileSync(attachmentPath(app.services.profile.files, doc.fileSha256), join(cliIn, `du-thao-${i}.pdf`));
    }
  }
  await app.asRole('lanh-dao');
  const cpu = cpuUsage();
  const started = performance.now();
  const fromUs = process.hrtime.bigint() / 1000n;
  const result = app.value<IssuingSignResult>(await app.call('issuing.sign', { ids, ...app.tokenOf('person') }));
  const toUs = process.hrtime.bigint() / 1000n;
  const wallMs = performance.now() - started;
  const used = cpuUsage(cpu);
  if (result.failed !== 0) {
    throw new Error(`${result.failed} failed: ${JSON.stringify(result.results.find((r) => !r.ok))}`);
  }
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `issuing.sign, ${COUNT} drafts, ${encrypted ? 'encrypted' : 'plain'} profile (monotonic µs ${fromUs}–${toUs})`,
  );
  console.log(`  wall ${wallMs.toFixed(0)} ms (${(wallMs / COUNT).toFixed(1)} ms/văn bản)`);
  console.log(
    `  CPU, all threads: ${cpuMs.toFixed(0)} ms (${(cpuMs / COUNT).toFixed(1)} ms/văn bản; ` +
      `user ${(used.user / 1000).toFixed(0)}, system ${(used.system / 1000).toFixed(0)})`,
  );

  // The peer: the shipped CLI on the same drafts (copied plain), its CPU from /usr/bin/time.
  const { signer, pin } = app.tokenOf('person');
  const inputs = readdirSync(cliIn).map((f) => join(cliIn, f));
  const cliCpu = (files: readonly string[]): number | null => {
    const out = mkdtempSync(join(dir, 'cli-ra-'));
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', 'CPU %U %S', process.execPath, ...signBatchArgs(signer, out, files)],
      { env: { ...process.env, VANTHU_PIN: pin }, encoding: 'utf8' },
    );
    const m = /CPU ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
    return m === null || readdirSync(out).length !== files.length ? null : (Number(m[1]) + Number(m[2])) * 1000;
  };
  if (inputs.length === COUNT && existsSync('/usr/bin/time')) {
    const one = cliCpu(inputs.slice(0, 1));
    const all = cliCpu(inputs);
    if (one !== null && all !== null) {
      console.log(
        `  CLI vanthu sign-batch (${CLI_ENTRY}), CPU: ${all.toFixed(0)} ms for ${COUNT} (1 file: ${one.toFixed(0)} ms); ` +
          `per further document ${((all - one) / (COUNT - 1)).toFixed(1)} ms`,
      );
    }
  } else {
    console.log('  (CLI peer: run with VANTHU_ENCRYPT_PROFILE=0, and /usr/bin/time installed)');
  }
} finally {
  await app.services.store.close();
  await app.services.tokens.stop();
  rmSync(dir, { recursive: true, force: true });
}
