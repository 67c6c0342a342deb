import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../main/cli/commands/command.ts';
import { commands } from '../../../main/cli/commands/index.ts';
import { runCli } from '../../../main/cli/run.ts';
import { textWidth } from '../../../main/services/pdf/layout/measure.ts';
import { appendixLine } from '../../../main/services/pdf/sign/issue-text.ts';
import { openApp } from '../../support/app.ts';
import { opaquePng, sealPng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { pdfToText } from '../../support/corpus/render.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';

const pki = usePki();
// Longer than the layout module's example line, so a box sized for the example would be too narrow.
const SO_KY_HIEU = '1234/QĐ-UBND-VP.TH.KTN';

function orgToken() {
  const token = pki.certs.org?.token;
  const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin;
  if (token === undefined || pin === undefined) {
    throw new Error('org is not on a token');
  }
  return { modulePath: pki.softhsm.module, token: { label: token.label }, keyIdHex: token.keyIdHex, pin };
}

async function widgetWidth(path: string, field: string): Promise<number> {
  const doc = await PDFDocument.load(new Uint8Array(readFileSync(path)));
  const found = doc
    .getForm()
    .getFields()
    .find((f) => f.getName() === field);
  const rect = found?.acroField.getWidgets()[0]?.getRectangle();
  if (rect === undefined) {
    throw new Error(`no widget for ${field}`);
  }
  return rect.width;
}

describe('text blocks and images from settings: appendix, copy, house style, image checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu phụ lục '));
  const app = openApp({ profileDir: join(dir, 'profile'), shell: 'cli', caller: 'cli', organization: null });
  const { services } = app;
  // Typed from preload/contract: a channel renamed or a payload reshaped there is a compile error here.
  const { call } = app;
  services.settings.update({
    tokens: { modulePaths: [pki.softhsm.module] },
    verify: { trustPaths: [pki.subPem, pki.rootPem] },
    organization: { name: 'ỦY BAN NHÂN DÂN TỈNH X' },
  });
  afterAll(() => services.tokens.stop());

  it('signing.appendix (auto): top right of page 1, the box as wide as its own line', async () => {
    const doc = await makeDocument({ tenLoai: 'THÔNG BÁO' });
    writeFileSync(join(dir, 'Phụ lục.pdf'), doc.bytes);
    const out = join(dir, 'Phụ lục đã ký.pdf');
    const result = await call('signing.appendix', {
      path: join(dir, 'Phụ lục.pdf'),
      outPath: out,
      ...orgToken(),
      soKyHieu: SO_KY_HIEU,
      placement: 'auto',
    });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, value: { fieldName: 'ChuKy_PhuLuc' } });
    const signingTime = new Date(result.ok ? result.value.signingTime : 0);
    const line = appendixLine(SO_KY_HIEU, signingTime);
    expect(await widgetWidth(out, 'ChuKy_PhuLuc')).toBeCloseTo((await textWidth(line, 10)) + 4, 1);
    expect(await pdfToText(new Uint8Array(readFileSync(out)))).toContain(line);
    expect(allValid(validateAll(out, pki), 1)).toBe(true);
  });

  it('signing.copy names the configured organization when the request does not', async () => {
    const doc = await makeDocument();
    writeFileSync(join(dir, 'Bản gốc.pdf'), doc.bytes);
    const out = join(dir, 'Bản sao lục.pdf');
    const result = await call('signing.copy', {
      path: join(dir, 'Bản gốc.pdf'),
      outPath: out,
      ...orgToken(),
      hinhThuc: 'SAO LỤC',
    });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, value: { fieldName: 'ChuKy_BanSao' } });
    expect(await pdfToText(new Uint8Array(readFileSync(out)))).toContain('SAO LỤC; ỦY BAN NHÂN DÂN TỈNH X;');
    expect(allValid(validateAll(out, pki), 1)).toBe(true);
  });

  it('vanthu sign --role appendix --auto sizes the box for its line too', async () => {
    const doc = await makeDocument({ tenLoai: 'THÔNG BÁO' });
    const input = join(dir, 'cli-in.pdf');
    const out = join(dir, 'cli-out.pdf');
    writeFileSync(input, doc.bytes);
    const { modulePath, token, keyIdHex, pin } = orgToken();
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      out: (t) => (stdout += t),
      err: (t) => (stderr += t),
      readStdin: () => Promise.resolve(''),
      env: { VANTHU_PIN: pin },
    };
    const code = await runCli(
      [
        'sign',
        '--in',
        input,
        '--out',
        out,
        '--module',
        modulePath,
        '--token',
        token.label,
        '--key-id',
        keyIdHex,
        '--chain',
        pki.chainPem,
        '--role',
        'appendix',
        '--so',
        SO_KY_HIEU,
        '--auto',
        '--json',
      ],
      io,
      commands,
      () => {
        throw new Error('signing commands need no profile services');
      },
    );
    expect(code, stderr).toBe(0);
    const signingTime = new Date((JSON.parse(stdout) as { value: { signingTime: string } }).value.signingTime);
    const line = appendixLine(SO_KY_HIEU, signingTime);
    expect(await widgetWidth(out, 'ChuKy_PhuLuc')).toBeCloseTo((await textWidth(line, 10)) + 4, 1);
  });

  it('the seal with the house style "seal-with-text": the organization name and the time under the seal', async () => {
    writeFileSync(join(dir, 'dấu.png'), sealPng());
    services.settings.update({
      images: { sealPng: join(dir, 'dấu.png') },
      organization: { houseStyle: 'seal-with-text' },
    });
    const doc = await makeDocument();
    writeFileSync(join(dir, 'đóng dấu.pdf'), doc.bytes);
    const out = join(dir, 'đã đóng dấu.pdf');
    const result = await call('signing.seal', {
      path: join(dir, 'đóng dấu.pdf'),
      outPath: out,
      ...orgToken(),
      placement: 'auto',
    });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, value: { fieldName: 'ChuKy_CoQuan' } });
    const text = await pdfToText(new Uint8Array(readFileSync(out)));
    expect(text).toMatch(/ỦY BAN NHÂN DÂN TỈNH X\s+\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} \+07:00/);
    expect(allValid(validateAll(out, pki), 1)).toBe(true);
    services.settings.update({ organization: { houseStyle: 'seal-only' } });
  });

  it('a configured seal image without a transparent background is refused before the token is opened', async () => {
    writeFileSync(join(dir, 'dấu đục.png'), opaquePng());
    services.settings.update({ images: { sealPng: join(dir, 'dấu đục.png') } });
    const doc = await makeDocument();
    writeFileSync(join(dir, 'đục.pdf'), doc.bytes);
    const result = await call('signing.seal', {
      path: join(dir, 'đục.pdf'),
      outPath: join(dir, 'đục-ký.pdf'),
      ...orgToken(),
      pin: '00000000',
    });
    // A wrong PIN would give PIN_INCORRECT: the image check came first.
    expect(result).toMatchObject({ ok: false, error: { code: 'IMAGE_INVALID' } });
  });
});
