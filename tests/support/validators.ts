import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Wrappers over validators nobody on this project wrote: poppler's pdfsig (with an NSS database
 * trusting the test root), mupdf's change checks, qpdf --check and openssl cms -verify.
 */

export interface PdfsigSignature {
  readonly field: string;
  readonly signer: string;
  readonly validation: string;
  readonly certificate: string;
  readonly subFilter: string;
  readonly totalDocument: boolean;
}

/** `pdfsig -nssdir sql:<nssDir>`; an unsigned file gives an empty list. */
export function pdfsig(path: string, nssDir: string): PdfsigSignature[] {
  const run = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, path], { encoding: 'utf8' });
  const text = `${run.stdout}${run.stderr}`;
  return text
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const get = (label: string): string => new RegExp(`- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? '';
      return {
        field: get('Signature Field Name'),
        signer: get('Signer Certificate Common Name'),
        validation: get('Signature Validation'),
        certificate: get('Certificate Validation'),
        subFilter: get('Signature Type'),
        totalDocument: block.includes('Total document signed'),
      };
    });
}

export interface MupdfVerdict {
  readonly versions: number;
  /** validateChangeHistory(): 0 means every later revision is a permitted change. */
  readonly history: number;
  readonly signatures: ReadonlyArray<{
    readonly page: number;
    readonly name: string;
    readonly signed: boolean;
    /** validateSignature(): 0 means no disallowed change after this signature. */
    readonly validate?: number;
    readonly digest?: string;
  }>;
}

const MUPDF_SCRIPT = fileURLToPath(new URL('./validators/mupdf-check.js', import.meta.url));

export function mupdfCheck(path: string): MupdfVerdict {
  const out = execFileSync('mutool', ['run', MUPDF_SCRIPT, path], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.startsWith('{'));
  if (line === undefined) {
    throw new Error(`mutool printed no verdict: ${out}`);
  }
  return JSON.parse(line) as MupdfVerdict;
}

/** `qpdf --check`: clean means exit 0 (3 is "warnings"). */
export function qpdfCheck(path: string): { readonly clean: boolean; readonly output: string } {
  const run = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { clean: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

export interface ExtractedSignature {
  readonly byteRange: readonly [number, number, number, number];
  readonly cms: Uint8Array;
  readonly signedContent: Uint8Array;
}

/** Every signature in the file, found by its /ByteRange, with the CMS trimmed to its DER length. */
export function extractSignatures(pdf: Uint8Array): ExtractedSignature[] {
  const text = Buffer.from(pdf).toString('latin1');
  const result: ExtractedSignature[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = [1, 2, 3, 4].map((i) => Number(match[i])) as unknown as [number, number, number, number];
    const hex = text.slice(range[1] + 1, range[2] - 1);
    const der = Buffer.from(hex, 'hex');
    result.push({
      byteRange: range,
      cms: der.subarray(0, derLength(der)),
      signedContent: Buffer.concat([pdf.subarray(range[0], range[1]), pdf.subarray(range[2], range[2] + range[3])]),
    });
  }
  return result;
}

function derLength(der: Uint8Array): number {
  const first = der[1] ?? 0;
  if (first < 0x80) {
    return 2 + first;
  }
  const n = first & 0x7f;
  let length = 0;
  for (let i = 0; i < n; i += 1) {
    length = length * 256 + (der[2 + i] ?? 0);
  }
  return 2 + n + length;
}

/** `openssl cms -verify` on each extracted signature against the test root. */
export function opensslVerifyAll(
  path: string,
  caFile: string,
): Array<{ readonly ok: boolean; readonly output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-cms-'));
  try {
    return extractSignatures(new Uint8Array(readFileSync(path))).map((sig, i) => {
      const cms = join(dir, `sig${i}.p7s`);
      const content = join(dir, `sig${i}.bin`);
      writeFileSync(cms, sig.cms);
      writeFileSync(content, sig.signedContent);
      const run = spawnSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          cms,
          '-content',
          content,
          '-CAfile',
          caFile,
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { encoding: 'utf8' },
      );
      const output = `${run.stdout}${run.stderr}`;
      return { ok: run.status === 0 && output.includes('CMS Verification successful'), output };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The summary the signing tests assert on: every validator's verdict for one file. */
export interface ValidatorReport {
  readonly pdfsig: PdfsigSignature[];
  readonly mupdf: MupdfVerdict;
  readonly qpdf: { readonly clean: boolean; readonly output: string };
  readonly openssl: Array<{ readonly ok: boolean; readonly output: string }>;
}

export function validateAll(path: string, pki: { readonly nssDir: string; readonly rootPem: string }): ValidatorReport {
  return {
    pdfsig: pdfsig(path, pki.nssDir),
    mupdf: mupdfCheck(path),
    qpdf: qpdfCheck(path),
    openssl: opensslVerifyAll(path, pki.rootPem),
  };
}

/** True when every signature passes every validator and every revision is a permitted change. */
export function allValid(report: ValidatorReport, expectedSignatures: number): boolean {
  const signed = report.mupdf.signatures.filter((s) => s.signed);
  // pdfsig also lists empty signature fields, with no verdict.
  const verdicts = report.pdfsig.filter((s) => s.validation !== '');
  return (
    verdicts.length === expectedSignatures &&
    verdicts.every((s) => s.validation === 'Signature is Valid.' && s.certificate === 'Certificate is Trusted.') &&
    report.mupdf.history === 0 &&
    signed.length === expectedSignatures &&
    signed.every((s) => s.validate === 0 && s.digest === 'OK') &&
    report.qpdf.clean &&
    report.openssl.length === expectedSignatures &&
    report.openssl.every((r) => r.ok)
  );
}
