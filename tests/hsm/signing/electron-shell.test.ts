import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFileOutside } from '../../support/profile-at-rest.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { startShell, type RunningShell } from '../../shell/harness.ts';
import { DRAFT_INPUT, FIXTURE_DOCX, FIXTURE_PDF, ORG } from '../workflow/issuing-support.ts';

const pki = usePki();

/*
 * Signing through the built Electron shell (tests/shell's harness and Electron double):
 * window.vanthu → the built preload → ipcMain → the real handler → a SoftHSM2 token, the way the
 * screens do it (#15): files streamed in as handles, the draft and its signature named by id. Here
 * rather than in the shell tier because this tier already builds the test PKI and its tokens; like
 * the shell tier it loads dist/electron, which `npm test` builds first.
 */
describe('signing through the built Electron shell with a SoftHSM2 token', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startShell();
  });
  afterAll(async () => {
    await shell.quit();
    shell.dispose();
  });

  const value = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await shell.vanthu.invoke(channel, request);
    expect(result, `${channel}: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
    return result.value as T;
  };
  const upload = async (purpose: string, name: string, bytes: Uint8Array): Promise<string> => {
    const { handle } = await value<{ handle: string }>('files.begin', { purpose, name, size: bytes.byteLength });
    await value('files.append', { handle, offset: 0, base64: Buffer.from(bytes).toString('base64') });
    return (await value<{ handle: string }>('files.finish', { handle })).handle;
  };

  it('a chosen draft is signed by id with the leader’s token, the PIN never coming back', async () => {
    const token = pki.certs['person']?.token;
    const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin ?? '';
    await value('settings.update', {
      organization: { maDinhDanh: ORG, name: 'Ủy ban nhân dân tỉnh X' },
      tokens: { modulePaths: [pki.softhsm.module] },
      verify: { trustPaths: [pki.subPem, pki.rootPem] },
    });
    await value('profile.update', { role: 'chuyen-vien' });
    const draft = await value<{ id: string }>('issuing.createDraft', {
      input: DRAFT_INPUT,
      pdf: await upload('pdf', 'du-thao.pdf', readFileSync(FIXTURE_PDF)),
      source: await upload('nguon', 'du-thao.docx', readFileSync(FIXTURE_DOCX)),
    });
    await value('outgoing.submit', { id: draft.id });
    await value('profile.update', { role: 'lanh-dao' });
    const signer = { modulePath: pki.softhsm.module, token: { label: token?.label }, keyIdHex: token?.keyIdHex };
    const signed = await shell.vanthu.invoke('issuing.sign', { ids: [draft.id], signer, pin });
    expect(signed, JSON.stringify(signed)).toMatchObject({
      ok: true,
      value: { total: 1, failed: 0, results: [{ id: draft.id, ok: true, document: { state: 'da-ky' } }] },
    });
    expect(JSON.stringify(signed)).not.toContain(pin);
    const files = await value<Array<{ stage: string; sha256: string }>>('issuing.files', { id: draft.id });
    const sha = files.find((f) => f.stage === 'da-ky')?.sha256 ?? '';
    // The profile is encrypted by default: the validators get the plaintext, read as the app reads it.
    const report = validateAll(storedFileOutside(shell.profileDir, sha, shell.electron.safeStorage), pki);
    expect(allValid(report, 1), JSON.stringify(report, null, 1)).toBe(true);
  });

  it('the window cannot reach the path-taking signing engine: signing.* is refused before it reads a file', async () => {
    const token = pki.certs['person']?.token;
    const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin ?? '';
    const refused = await shell.vanthu.invoke('signing.sign', {
      path: FIXTURE_PDF,
      outPath: join(shell.profileDir, 'da-ky.pdf'),
      modulePath: pki.softhsm.module,
      token: { label: token?.label },
      keyIdHex: token?.keyIdHex,
      pin,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    expect(JSON.stringify(refused)).not.toContain(pin);
  });
});
