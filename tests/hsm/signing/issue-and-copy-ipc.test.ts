import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/contract/result.ts';
import { openApp } from '../../support/app.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { writeDocument } from '../../support/corpus/write-document.ts';
import { WRAPPED_DATE_SPECS } from '../../support/corpus/wrapped.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { todayVn } from '../../integration/sign/issue-support.ts';
import { testNow } from '../../support/clock/clock.ts';

const pki = usePki();

function tokenOf(id: 'person' | 'org') {
  const token = pki.certs[id]?.token;
  const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin;
  if (token === undefined || pin === undefined) {
    throw new Error(`${id} is not on a token`);
  }
  return { modulePath: pki.softhsm.module, token: { label: token.label }, keyIdHex: token.keyIdHex, pin };
}

describe('issuing and copying over IPC (#14)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu bản sao '));
  const app = openApp({ profileDir: join(dir, 'hồ sơ'), shell: 'cli', caller: 'cli', organization: null });
  const { services } = app;
  // Typed from preload/contract: a channel renamed or a payload reshaped there is a compile error here.
  const { call } = app;
  const p = (name: string): string => join(dir, name);
  writeFileSync(p('chữ ký.png'), signaturePng());
  writeFileSync(p('con dấu.png'), sealPng());
  services.settings.update({
    tokens: { modulePaths: [pki.softhsm.module] },
    images: { signaturePng: p('chữ ký.png'), sealPng: p('con dấu.png') },
    verify: { trustPaths: [pki.subPem, pki.rootPem] },
    organization: { name: 'SỞ NỘI VỤ TỈNH BẮC NINH' },
  });
  afterAll(() => services.tokens.stop());

  it('issues a Công văn whose date wraps, then makes a SAO Y and a TRÍCH SAO of it that verify', async () => {
    const spec = WRAPPED_DATE_SPECS.find((s) => s.id === 'cv-ngay-xuong-dong');
    if (spec === undefined) {
      throw new Error('no wrapped Công văn');
    }
    writeFileSync(p('cv.pdf'), (await writeDocument(spec)).bytes);
    // Each step a typed call, in order; the label names a failing one.
    const steps: Array<[string, () => Promise<Result<unknown>>]> = [
      ['signing.prepare', () => call('signing.prepare', { path: p('cv.pdf'), outPath: p('1.pdf') })],
      [
        'signing.sign',
        () => call('signing.sign', { path: p('1.pdf'), outPath: p('2.pdf'), ...tokenOf('person'), certify: 2 }),
      ],
      // Numbered on the run's day (its anchor), the day the test PKI is issued around.
      [
        'signing.writeNumber',
        () =>
          call('signing.writeNumber', {
            path: p('2.pdf'),
            outPath: p('3.pdf'),
            soKyHieu: '01/SNV-CCVTLT',
            ngayBanHanh: todayVn(testNow()),
          }),
      ],
      ['signing.seal', () => call('signing.seal', { path: p('3.pdf'), outPath: p('4.pdf'), ...tokenOf('org') })],
      [
        'signing.copy SAO Y',
        () => call('signing.copy', { path: p('4.pdf'), outPath: p('sao-y.pdf'), ...tokenOf('org'), hinhThuc: 'SAO Y' }),
      ],
      [
        'signing.copy TRÍCH SAO',
        () =>
          call('signing.copy', {
            path: p('4.pdf'),
            outPath: p('trich-sao.pdf'),
            ...tokenOf('org'),
            hinhThuc: 'TRÍCH SAO',
            pageIndexes: [0],
          }),
      ],
    ];
    for (const [label, step] of steps) {
      const result = await step();
      expect(result.ok, `${label}: ${JSON.stringify(result)}`).toBe(true);
    }
    expect(allValid(validateAll(p('4.pdf'), pki), 2)).toBe(true);
    for (const copy of ['sao-y.pdf', 'trich-sao.pdf']) {
      const report = validateAll(p(copy), pki);
      expect(allValid(report, 1), `${copy}: ${JSON.stringify(report)}`).toBe(true);
    }
  });

  it('refuses prepare without a date box, and prepares with the box a person placed', async () => {
    writeFileSync(p('qd.pdf'), (await makeDocument({ diaDanhNgay: '(ngày do văn thư ghi)' })).bytes);
    const refused = await call('signing.prepare', { path: p('qd.pdf'), outPath: p('qd-1.pdf') });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PDF_FIELD_PLACEMENT_NOT_FOUND', details: { field: 'NgayBanHanh' } },
    });
    const placed = await call('signing.prepare', {
      path: p('qd.pdf'),
      outPath: p('qd-1.pdf'),
      ngayBanHanh: { pageIndex: 0, rect: { x: 320, y: 680, width: 220, height: 18 } },
    });
    expect(placed).toMatchObject({ ok: true, value: { fields: expect.arrayContaining(['NgayBanHanh']) } });
  });
});
