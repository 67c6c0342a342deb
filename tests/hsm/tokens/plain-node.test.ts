import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();
const probe = fileURLToPath(new URL('../../../native/pkcs11/probe.ts', import.meta.url));
const worker = fileURLToPath(new URL('../../../main/services/tokens/module-worker.ts', import.meta.url));

/**
 * Vitest transforms the modules it imports; the app's Node shells and the CLI do not. So the probe
 * child and the worker thread are also started from plain Node running the .ts files directly.
 */
describe('probe child and PKCS#11 worker from plain Node', () => {
  it('probes the module in a child and lists its tokens in a worker thread', () => {
    const script = `
      const { probeModule } = await import(${JSON.stringify(probe)});
      const { moduleWorker } = await import(${JSON.stringify(worker)});
      const path = ${JSON.stringify(pki.softhsm.module)};
      const probed = await probeModule(path);
      const listed = await moduleWorker(path).call('list', {});
      console.log(JSON.stringify({ probed: probed.libraryDescription, labels: listed.tokens.map((t) => t.label).sort() }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { probed: string; labels: string[] };
    expect(result.probed).toBe('Implementation of PKCS11');
    expect(result.labels).toEqual(['VanthuCoQuan', 'VanthuLanhDao']);
  });
});
