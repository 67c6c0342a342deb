/**
 * Token signing throughput: openTokenSigner (pkcs11js in a worker thread per module, one request at a time) against
 * pkcs11-tool --sign on the same SoftHSM2 token, in the same run. Prints figures; asserts nothing.
 *   node tests/bench/token-sign.ts [count]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openTokenSigner } from '../../main/services/tokens/open-signer.ts';
import { buildPki } from '../support/pki/build.ts';

const count = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-token-'));
const pki = await buildPki(dir, new Date() /* real time: a benchmark run, checked now */);
process.env['SOFTHSM2_CONF'] = pki.softhsm.conf;
const person = pki.certs['person']?.token;
if (person === undefined) {
  throw new Error('person is not on a token');
}
const data = new TextEncoder().encode('thuộc tính đã ký'.repeat(20));

for (const id of ['person', 'person-ec'] as const) {
  const token = pki.certs[id]?.token;
  if (token === undefined) {
    continue;
  }
  const opened = performance.now();
  const { signer, close } = await openTokenSigner({
    modulePath: pki.softhsm.module,
    token: { label: token.label },
    keyIdHex: token.keyIdHex,
    pin: '123456',
  });
  const openMs = performance.now() - opened;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await signer.sign(data);
  }
  const ours = (performance.now() - started) / count;
  const parallelStart = performance.now();
  await Promise.all(Array.from({ length: count }, () => signer.sign(data)));
  const queued = (performance.now() - parallelStart) / count;
  await close();

  // SoftHSM2 has no combined ECDSA-SHA256, so pkcs11-tool gets the digest for EC (as we give C_Sign).
  const input = join(dir, 'input.bin');
  writeFileSync(input, id === 'person' ? data : createHash('sha256').update(data).digest());
  const mechanism = id === 'person' ? 'SHA256-RSA-PKCS' : 'ECDSA';
  const peerRuns = Math.min(count, 20);
  const peerStart = performance.now();
  for (let i = 0; i < peerRuns; i++) {
    execFileSync(
      'pkcs11-tool',
      [
        '--module',
        pki.softhsm.module,
        '--token-label',
        token.label,
        '--login',
        '--pin',
        '123456',
        '--sign',
        '--mechanism',
        mechanism,
        '--id',
        token.keyIdHex,
        '--input-file',
        input,
        '--output-file',
        join(dir, 'sig.bin'),
      ],
      { env: { ...process.env, SOFTHSM2_CONF: pki.softhsm.conf }, stdio: 'ignore' },
    );
  }
  const peer = (performance.now() - peerStart) / peerRuns;
  console.log(
    `${id.padEnd(10)} open+login ${openMs.toFixed(1)} ms | vanthu ${ours.toFixed(2)} ms/sig sequential, ` +
      `${queued.toFixed(2)} ms/sig ${count} queued | pkcs11-tool ${peer.toFixed(1)} ms/sig (process per signature, ${peerRuns} runs)`,
  );
}
rmSync(dir, { recursive: true, force: true });
