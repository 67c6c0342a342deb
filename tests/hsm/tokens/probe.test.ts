import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeModule } from '../../../native/pkcs11/probe.ts';
import { createTokenService } from '../../../main/services/tokens/token-service.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-probe-'));
// Opening a FIFO blocks until a writer appears, so dlopen() of it hangs like a stuck vendor DLL.
const hanging = join(dir, 'treo.so');
execFileSync('mkfifo', [hanging]);
const notLibrary = join(dir, 'khong-phai-thu-vien.dll');
writeFileSync(notLibrary, 'đây không phải thư viện PKCS#11\n');

describe('module probe in a child process', () => {
  it('reads a real module and its tokens', async () => {
    const result = await probeModule(pki.softhsm.module);
    expect(result.libraryDescription).toContain('PKCS11');
    expect(result.tokens.map((t) => t.label)).toEqual(expect.arrayContaining(['VanthuLanhDao', 'VanthuCoQuan']));
  });

  it('reports MODULE_HUNG for a module that never returns, and kills the child', async () => {
    await expect(probeModule(hanging, { timeoutMs: 1500 })).rejects.toMatchObject({
      code: 'MODULE_HUNG',
      details: { modulePath: hanging },
    });
  });

  it('reports MODULE_LOAD_FAILED for a file that is not a library', async () => {
    await expect(probeModule(notLibrary)).rejects.toMatchObject({ code: 'MODULE_LOAD_FAILED' });
  });

  it('lists tokens of the good module even when others hang or fail to load', async () => {
    const service = createTokenService({ log: silentLogger, userModulePaths: () => [], probeTimeoutMs: 1500 });
    const list = await service.list([hanging, notLibrary, pki.softhsm.module]);
    expect(list.modules.map((m) => [m.ok, m.error?.code])).toEqual([
      [false, 'MODULE_HUNG'],
      [false, 'MODULE_LOAD_FAILED'],
      [true, undefined],
    ]);
    expect(list.tokens).toHaveLength(2);
  });
});
