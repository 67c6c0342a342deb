import { describe, expect, it } from 'vitest';
import { entryScript } from '../../../native/entry-script.ts';
import { childScript } from '../../../native/pkcs11/probe.ts';
import { workerScript } from '../../../main/services/tokens/module-worker.ts';

describe('scripts that run apart from main are found from source and from the bundle', () => {
  it('from source: the sibling .ts file of the module asking', () => {
    expect(
      entryScript('./worker-entry.ts', 'pkcs11-worker.cjs', 'file:///app/native/pkcs11/worker/x.ts', () => '/x'),
    ).toBe('/app/native/pkcs11/worker/worker-entry.ts');
    expect(childScript()).toMatch(/native\/pkcs11\/probe-child\.ts$/);
    expect(workerScript()).toMatch(/main\/services\/tokens\/worker-entry\.ts$/);
  });

  it('in the CommonJS bundle (import.meta.url empty): the .cjs the build puts next to main.cjs', () => {
    expect(entryScript('./probe-child.ts', 'probe-child.cjs', undefined, () => '/opt/vanthu/dist/electron')).toBe(
      '/opt/vanthu/dist/electron/probe-child.cjs',
    );
    expect(entryScript('./worker-entry.ts', 'pkcs11-worker.cjs', '', () => '/opt/vanthu/dist/electron')).toBe(
      '/opt/vanthu/dist/electron/pkcs11-worker.cjs',
    );
  });
});
