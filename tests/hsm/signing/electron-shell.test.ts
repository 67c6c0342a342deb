import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { startShell, type RunningShell } from '../../shell/harness.ts';

const pki = usePki();

/*
 * One signing call through the built Electron shell (tests/shell's harness and Electron double):
 * window.vanthu → the built preload → ipcMain → the real handler → a SoftHSM2 token. Here rather
 * than in the shell tier because this tier already builds the test PKI and its tokens; like the
 * shell tier it loads dist/electron, which `npm test` builds first.
 */
describe('signing through the built Electron shell with a SoftHSM2 token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-shell-sign-'));
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startShell();
  });
  afterAll(async () => {
    await shell.quit();
    shell.dispose();
  });

  it('prepares and signs a PDF with the leader’s token, the PIN never coming back', async () => {
    const token = pki.certs['person']?.token;
    const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin ?? '';
    writeFileSync(join(dir, 'chu-ky.png'), signaturePng());
    writeFileSync(join(dir, 'con-dau.png'), sealPng());
    writeFileSync(join(dir, 'du-thao.pdf'), (await makeDocument()).bytes);
    expect(
      await shell.vanthu.invoke('settings.update', {
        tokens: { modulePaths: [pki.softhsm.module] },
        images: { signaturePng: join(dir, 'chu-ky.png'), sealPng: join(dir, 'con-dau.png') },
        verify: { trustPaths: [pki.subPem, pki.rootPem] },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await shell.vanthu.invoke('signing.prepare', {
        path: join(dir, 'du-thao.pdf'),
        outPath: join(dir, 'chuan-bi.pdf'),
      }),
    ).toMatchObject({ ok: true });
    const signed = await shell.vanthu.invoke('signing.sign', {
      path: join(dir, 'chuan-bi.pdf'),
      outPath: join(dir, 'da-ky.pdf'),
      modulePath: pki.softhsm.module,
      token: { label: token?.label },
      keyIdHex: token?.keyIdHex,
      pin,
      certify: 2,
    });
    expect(signed, JSON.stringify(signed)).toMatchObject({ ok: true, value: { fieldName: 'ChuKy_NguoiKy' } });
    expect(JSON.stringify(signed)).not.toContain(pin);
    const report = validateAll(join(dir, 'da-ky.pdf'), pki);
    expect(allValid(report, 1), JSON.stringify(report, null, 1)).toBe(true);
  });
});
