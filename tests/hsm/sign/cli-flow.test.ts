import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../main/cli/commands/command.ts';
import { commands } from '../../../main/cli/commands/index.ts';
import { runCli } from '../../../main/cli/run.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { startLoopbackTsa } from '../../support/tsa/tsa-server.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { tempDir } from '../../integration/sign/flow-support.ts';

const pki = usePki();

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function vanthu(args: readonly string[], pin?: string): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readStdin: () => Promise.resolve(''),
    env: pin === undefined ? {} : { VANTHU_PIN: pin },
  };
  const code = await runCli(args, io, commands, () => {
    throw new Error('signing commands need no profile services');
  });
  return { code, out, err };
}

function tokenArgs(id: 'person' | 'org'): string[] {
  const token = pki.certs[id]?.token;
  if (token === undefined) {
    throw new Error(`${id} is not on a token`);
  }
  return ['--module', pki.softhsm.module, '--token', token.label, '--key-id', token.keyIdHex, '--chain', pki.chainPem];
}

function pinOf(id: 'person' | 'org'): string {
  const label = pki.certs[id]?.token?.label;
  const pin = pki.softhsm.tokens.find((t) => t.label === label)?.pin;
  if (pin === undefined) {
    throw new Error('no pin');
  }
  return pin;
}

describe('vanthu prepare / sign / number / sign with SoftHSM2 tokens', () => {
  it('issues a document with two token signatures that every validator accepts', async () => {
    const dir = tempDir('vanthu thư mục ');
    const doc = await makeDocument();
    const paths = {
      input: join(dir, 'Dự thảo quyết định.pdf'),
      prepared: join(dir, '1 chuẩn bị.pdf'),
      signed: join(dir, '2 lãnh đạo ký.pdf'),
      numbered: join(dir, '3 cấp số.pdf'),
      sealed: join(dir, '4 đóng dấu.pdf'),
      signature: join(dir, 'chữ ký.png'),
      seal: join(dir, 'con dấu.png'),
    };
    writeFileSync(paths.input, doc.bytes);
    writeFileSync(paths.signature, signaturePng());
    writeFileSync(paths.seal, sealPng());

    const prepared = await vanthu(['prepare', '--in', paths.input, '--out', paths.prepared, '--json']);
    expect(prepared.code, prepared.err).toBe(0);
    expect(JSON.parse(prepared.out).value.fields).toEqual(['SoKyHieu', 'NgayBanHanh', 'ChuKy_NguoiKy', 'ChuKy_CoQuan']);

    const signed = await vanthu(
      [
        'sign',
        '--in',
        paths.prepared,
        '--out',
        paths.signed,
        ...tokenArgs('person'),
        '--role',
        'personal',
        '--image',
        paths.signature,
        '--certify',
        '2',
        '--json',
      ],
      pinOf('person'),
    );
    expect(signed.code, signed.err).toBe(0);
    expect(JSON.parse(signed.out)).toMatchObject({ ok: true, value: { fieldName: 'ChuKy_NguoiKy' } });

    const numbered = await vanthu([
      'write-number',
      '--in',
      paths.signed,
      '--out',
      paths.numbered,
      '--so',
      '15/QĐ-UBND',
      '--date',
      '2026-11-22',
      '--json',
    ]);
    expect(numbered.code, numbered.err).toBe(0);

    const sealed = await vanthu(
      [
        'sign',
        '--in',
        paths.numbered,
        '--out',
        paths.sealed,
        ...tokenArgs('org'),
        '--role',
        'organization',
        '--image',
        paths.seal,
        '--lock',
      ],
      pinOf('org'),
    );
    expect(sealed.code, sealed.err).toBe(0);

    const report = validateAll(paths.sealed, pki);
    expect(allValid(report, 2), JSON.stringify(report)).toBe(true);
    expect(report.pdfsig.map((s) => s.signer)).toEqual(['Nguyễn Văn A', 'ỦY BAN NHÂN DÂN TỈNH X']);
  });

  it('places fields and signatures with --auto on a LibreOffice export', async () => {
    const dir = tempDir();
    const input = new URL('../../fixtures/pdf/lo-cv-kt-1.pdf', import.meta.url).pathname;
    const image = join(dir, 'sig.png');
    writeFileSync(image, signaturePng());
    const prepared = join(dir, 'p.pdf');
    const signed = join(dir, 's.pdf');
    expect((await vanthu(['prepare', '--in', input, '--out', prepared, '--auto', '--signers', 'personal'])).code).toBe(
      0,
    );
    const run = await vanthu(
      ['sign', '--in', prepared, '--out', signed, ...tokenArgs('person'), '--role', 'personal', '--image', image],
      pinOf('person'),
    );
    expect(run.code, run.err).toBe(0);
    expect(allValid(validateAll(signed, pki), 1)).toBe(true);
  });

  it('signs at level B-T with --tsa (a loopback RFC 3161 TSA)', async () => {
    const material = pki.certs.tsa;
    if (material === undefined) {
      throw new Error('test PKI has no TSA certificate');
    }
    const tsa = await startLoopbackTsa({ keyPem: material.keyPem, certPem: material.certPem, chainPem: pki.chainPem });
    try {
      const dir = tempDir();
      const doc = await makeDocument();
      const input = join(dir, 'in.pdf');
      const out = join(dir, 'bt.pdf');
      writeFileSync(input, doc.bytes);
      const run = await vanthu(
        ['sign', '--in', input, '--out', out, ...tokenArgs('person'), '--role', 'personal', '--tsa', tsa.url, '--json'],
        pinOf('person'),
      );
      expect(run.code, run.err).toBe(0);
      expect(tsa.requests()).toBe(1);
      expect(allValid(validateAll(out, pki), 1)).toBe(true);
    } finally {
      await tsa.close();
    }
  });

  it('fails with a clear JSON error and writes nothing when the PIN is wrong', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    const input = join(dir, 'in.pdf');
    writeFileSync(input, doc.bytes);
    const run = await vanthu(
      ['sign', '--in', input, '--out', join(dir, 'out.pdf'), ...tokenArgs('person'), '--role', 'personal', '--json'],
      '000000',
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
    expect(run.err).not.toContain('000000');
    expect(existsSync(join(dir, 'out.pdf'))).toBe(false);
  });

  it('signs a batch with one login and reports the bad file', async () => {
    const dir = tempDir();
    const outDir = join(dir, 'đã ký');
    const doc = await makeDocument();
    const files = ['a.pdf', 'b hỏng.pdf', 'c.pdf'].map((n) => join(dir, n));
    writeFileSync(files[0] ?? '', doc.bytes);
    writeFileSync(files[1] ?? '', '%PDF-1.7\n');
    writeFileSync(files[2] ?? '', doc.bytes);
    const run = await vanthu(
      [
        'sign-batch',
        ...tokenArgs('org'),
        '--role',
        'copy',
        '--co-quan',
        'ỦY BAN NHÂN DÂN TỈNH X',
        '--out-dir',
        outDir,
        ...files,
        '--json',
      ],
      pinOf('org'),
    );
    expect(run.code).toBe(1);
    const value = JSON.parse(run.out).value;
    expect(value).toMatchObject({ total: 3, failed: 1 });
    expect(value.results[1]).toMatchObject({ ok: false, error: { code: 'PDF_MALFORMED' } });
    expect(run.err).toContain('[3/3]');
    expect(readdirSync(outDir).sort()).toEqual(['a.pdf', 'c.pdf']);
    expect(allValid(validateAll(join(outDir, 'a.pdf'), pki), 1)).toBe(true);
  });
});
