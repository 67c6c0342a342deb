import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../preload/contract/index.ts';
import { openApp } from '../../support/app.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, opensslVerifyAll, validateAll } from '../../support/validators.ts';

const pki = usePki();
const WRONG_PIN = '97531864';

function tokenOf(id: 'person' | 'org' | 'wrong-usage') {
  const token = pki.certs[id]?.token;
  const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin;
  if (token === undefined || pin === undefined) {
    throw new Error(`${id} is not on a token`);
  }
  return { modulePath: pki.softhsm.module, token: { label: token.label }, keyIdHex: token.keyIdHex, pin };
}

describe('signing.* over IPC with SoftHSM2 tokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu ký số '));
  const profileDir = join(dir, 'hồ sơ');
  const app = openApp({ profileDir, shell: 'cli', caller: 'cli', organization: null, logToProfile: true });
  const { services } = app;
  // Typed from preload/contract: a channel renamed or a payload reshaped there is a compile error here.
  const { call } = app;
  writeFileSync(join(dir, 'chữ ký.png'), signaturePng());
  writeFileSync(join(dir, 'con dấu.png'), sealPng());
  // The tokens hold only their leaves: the chain must come from the trust store files.
  services.settings.update({
    tokens: { modulePaths: [pki.softhsm.module] },
    images: { signaturePng: join(dir, 'chữ ký.png'), sealPng: join(dir, 'con dấu.png') },
    verify: { trustPaths: [pki.subPem, pki.rootPem] },
  });
  afterAll(() => services.tokens.stop());

  it('prepare → sign (P=2) → number → seal (lock): both signatures valid in every validator', async () => {
    const doc = await makeDocument();
    const p = (name: string): string => join(dir, name);
    writeFileSync(p('Dự thảo.pdf'), doc.bytes);

    const prepared = await call('signing.prepare', { path: p('Dự thảo.pdf'), outPath: p('1 chuẩn bị.pdf') });
    expect(prepared).toMatchObject({
      ok: true,
      value: { fields: ['SoKyHieu', 'NgayBanHanh', 'ChuKy_NguoiKy', 'ChuKy_CoQuan'] },
    });

    const signed = await call('signing.sign', {
      path: p('1 chuẩn bị.pdf'),
      outPath: p('2 lãnh đạo ký.pdf'),
      ...tokenOf('person'),
      certify: 2,
    });
    expect(signed, JSON.stringify(signed)).toMatchObject({
      ok: true,
      value: { path: p('2 lãnh đạo ký.pdf'), fieldName: 'ChuKy_NguoiKy' },
    });
    expect(JSON.stringify(signed)).not.toContain(tokenOf('person').pin);
    // No --chain anywhere: openssl reaches the root through the embedded sub CA.
    expect(opensslVerifyAll(p('2 lãnh đạo ký.pdf'), pki.rootPem).map((r) => r.ok)).toEqual([true]);

    const numbered = await call('signing.writeNumber', {
      path: p('2 lãnh đạo ký.pdf'),
      outPath: p('3 cấp số.pdf'),
      soKyHieu: '15/QĐ-UBND',
      ngayBanHanh: '2026-11-22',
    });
    expect(numbered).toMatchObject({ ok: true, value: { soText: 'Số: 15/QĐ-UBND' } });

    const sealed = await call('signing.seal', {
      path: p('3 cấp số.pdf'),
      outPath: p('4 đóng dấu.pdf'),
      ...tokenOf('org'),
      lock: true,
    });
    expect(sealed, JSON.stringify(sealed)).toMatchObject({ ok: true, value: { fieldName: 'ChuKy_CoQuan' } });
    const report = validateAll(p('4 đóng dấu.pdf'), pki);
    expect(allValid(report, 2), JSON.stringify(report, null, 1)).toBe(true);
    expect(report.pdfsig.map((s) => s.signer)).toEqual(['Nguyễn Văn A', 'ỦY BAN NHÂN DÂN TỈNH X']);
  });

  it('batch: one login, progress events, a result per file, and it goes on past a bad file', async () => {
    const doc = await makeDocument();
    const files = ['a.pdf', 'hỏng.pdf', 'c.pdf'].map((name) => ({
      path: join(dir, `in-${name}`),
      outPath: join(dir, `ký-${name}`),
    }));
    for (const f of files) {
      writeFileSync(f.path, f.path.includes('hỏng') ? 'không phải PDF' : doc.bytes);
    }
    const progress: Array<EventPayload<'signing.progress'>> = [];
    const stop = services.events.subscribe((event, payload) => {
      if (event === 'signing.progress') {
        progress.push(payload as EventPayload<'signing.progress'>);
      }
    });
    const result = await call('signing.batch', {
      ...tokenOf('person'),
      files,
      operation: { kind: 'sign', role: 'personal', placement: 'auto' },
      batchId: 'lo-1',
    });
    stop();
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const value = result.ok ? result.value : undefined;
    expect(value?.total).toBe(3);
    expect(value?.failed).toBe(1);
    expect(value?.results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(value?.results[1]).toMatchObject({ ok: false, error: { code: 'PDF_MALFORMED' } });
    expect(progress).toEqual([
      { batchId: 'lo-1', done: 0, total: 3, currentFile: files[0]?.path },
      { batchId: 'lo-1', done: 1, total: 3, currentFile: files[1]?.path },
      { batchId: 'lo-1', done: 2, total: 3, currentFile: files[2]?.path },
      { batchId: 'lo-1', done: 3, total: 3, currentFile: null },
    ]);
    for (const f of [files[0], files[2]]) {
      expect(allValid(validateAll(f?.outPath ?? '', pki), 1)).toBe(true);
    }
  });

  it('refuses a certificate without a signing key usage before the PIN reaches the token', async () => {
    const doc = await makeDocument();
    writeFileSync(join(dir, 'ku.pdf'), doc.bytes);
    const result = await call('signing.sign', {
      path: join(dir, 'ku.pdf'),
      outPath: join(dir, 'ku-ký.pdf'),
      ...tokenOf('wrong-usage'),
      // A wrong PIN would fail the login; the key-usage refusal must come first.
      pin: WRONG_PIN,
      placement: 'auto',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CERT_KEY_USAGE' } });
    expect(readdirSync(dir)).not.toContain('ku-ký.pdf');
  });

  it('a wrong PIN gives PIN_INCORRECT, and no PIN is ever in the log', async () => {
    const doc = await makeDocument();
    writeFileSync(join(dir, 'pin.pdf'), doc.bytes);
    const wrong = await call('signing.sign', {
      path: join(dir, 'pin.pdf'),
      outPath: join(dir, 'pin-ký.pdf'),
      ...tokenOf('person'),
      pin: WRONG_PIN,
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
    expect(JSON.stringify(wrong)).not.toContain(WRONG_PIN);
    // The right PIN afterwards works (and resets the token's wrong-try counter for other tests).
    const right = await call('signing.sign', {
      path: join(dir, 'pin.pdf'),
      outPath: join(dir, 'pin-ký.pdf'),
      ...tokenOf('person'),
    });
    expect(right.ok).toBe(true);

    const logDir = services.profile.logs;
    const text = readdirSync(logDir)
      .map((f) => readFileSync(join(logDir, f), 'utf8'))
      .join('\n');
    expect(text).toContain('tokens.signer_opened');
    expect(text).not.toContain(WRONG_PIN);
    for (const { pin } of pki.softhsm.tokens) {
      expect(text).not.toMatch(new RegExp(`\\b${pin}\\b`));
    }
  });

  it('refuses a module the user never added, and an output over its own input', async () => {
    const forbidden = await call('signing.sign', {
      path: join(dir, 'x.pdf'),
      outPath: join(dir, 'y.pdf'),
      ...tokenOf('person'),
      modulePath: '/tmp/bat-ky.so',
    });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    const same = await call('signing.sign', {
      path: join(dir, 'x.pdf'),
      outPath: join(dir, '.', 'x.pdf'),
      ...tokenOf('person'),
    });
    expect(same).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const clash = await call('signing.batch', {
      ...tokenOf('person'),
      files: [
        { path: join(dir, 'a.pdf'), outPath: join(dir, 'out.pdf') },
        { path: join(dir, 'b.pdf'), outPath: join(dir, '.', 'out.pdf') },
      ],
      operation: { kind: 'sign' },
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
