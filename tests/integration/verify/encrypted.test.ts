import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { pdfsig } from '../../support/validators.ts';
import { certOf } from '../../support/verify/corpus.ts';
import { placementsFrom } from '../sign/flow-support.ts';

/**
 * Files encrypted before signing (the security handler some offices use to set permissions),
 * signed by mupdf. With an empty user password every viewer opens them, and so do we: names
 * and objects are decrypted. With a real password nothing can be compared, and we say so.
 */
const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-enc-'));
const paths = { open: join(dir, 'open-2.pdf'), password: join(dir, 'password-2.pdf') };

/** mupdf's own list of unsigned signature fields ("7: Signature is not signed."), in form order. */
function unsignedFields(path: string, password: string): string[] {
  const listing = execFileSync('mutool', ['sign', '-p', password, path], { encoding: 'utf8' });
  return [...listing.matchAll(/^\s*(\d+): Signature is not signed\./gm)].map((m) => m[1] as string);
}

function signBoth(input: string, output: string, password: string): void {
  // qpdf renumbers objects when it encrypts, so the fields are found in the encrypted file.
  const [first, second] = unsignedFields(input, password);
  const once = join(dir, `once-${password || 'open'}.pdf`);
  const pw = ['-p', password];
  execFileSync('mutool', [
    'sign',
    ...pw,
    '-s',
    certOf(pki, 'person').p12,
    '-P',
    'test',
    '-o',
    once,
    input,
    first ?? '',
  ]);
  execFileSync('mutool', ['sign', ...pw, '-s', certOf(pki, 'org').p12, '-P', 'test', '-o', output, once, second ?? '']);
}

async function verify(path: string): Promise<VerifyReport> {
  const outcome = await verifyPdfBytes(new Uint8Array(readFileSync(path)), path, {
    anchors: loadTrustStore([pki.rootPem, pki.subPem]),
    offline: true,
    cache: createFileRevocationCache(join(dir, 'cache')),
  });
  return outcome.report;
}

beforeAll(async () => {
  const doc = await makeDocument();
  const prepared = join(dir, 'prepared.pdf');
  await preparePdf(doc.bytes, prepared, placementsFrom(doc.truth));
  for (const [kind, password] of [
    ['open', ''],
    ['password', 'secret'],
  ] as const) {
    const encrypted = join(dir, `${kind}.pdf`);
    execFileSync('qpdf', ['--encrypt', password, 'owner', '256', '--', prepared, encrypted]);
    signBoth(encrypted, paths[kind], password);
  }
}, 120_000);

describe('verifying encrypted PDFs', () => {
  it('reads a file encrypted with an empty user password as pdfsig does, names and changes included', async () => {
    const report = await verify(paths.open);
    const theirs = pdfsig(paths.open, pki.nssDir);
    expect(report.signatures.map((s) => s.field)).toEqual(theirs.map((s) => s.field));
    expect(theirs.every((s) => s.validation === 'Signature is Valid.')).toBe(true);
    expect(report.signatures.map((s) => [s.integrity, s.trust, s.coverage, s.changesAfter])).toEqual([
      ['ok', 'trusted', 'revision', 'permitted'],
      ['ok', 'trusted', 'whole', 'none'],
    ]);
    expect(report.signatures[0]?.signer.commonName).toBe('Nguyễn Văn A');
  });

  it('says the changes after a signature cannot be checked without the password, never "none"', async () => {
    const report = await verify(paths.password);
    const first = report.signatures[0];
    expect(first?.integrity).toBe('ok');
    expect(first?.problems.map((p) => p.code)).toContain('CHANGES_UNREADABLE');
    expect(first?.verdict).not.toBe('valid');
    expect(report.reasons.join('\n')).toContain('mã hóa bằng mật khẩu');
    // Field names are encrypted strings: a neutral name rather than ciphertext.
    expect(report.signatures.map((s) => s.field)).toEqual(['Chữ ký 1', 'Chữ ký 2']);
  });
});
