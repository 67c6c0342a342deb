import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rect } from '../../../main/services/pdf/placement.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from '../../../main/services/pdf/sign/fields.ts';
import { writeNumber } from '../../../main/services/pdf/sign/write-number.ts';
import { preparePdf, type PrepareOptions } from '../../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { autoPrepareOptions } from '../../../main/services/signing/prepare.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import type { Signer } from '../../../main/services/pdf/signer.ts';
import type { PkiMaterial } from '../../support/pki/build.ts';
import type { DocumentTruth } from '../../support/corpus/spec.ts';

export function tempDir(prefix = 'vanthu-sign-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function read(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export async function signerFor(pki: PkiMaterial, id: 'person' | 'org' | 'person-ec'): Promise<Signer> {
  const cert = pki.certs[id];
  if (cert === undefined) {
    throw new Error(`test PKI has no ${id}`);
  }
  return softwareSignerFromFiles(cert.keyPem, cert.certPem, pki.chainPem);
}

/** Rewrites a PDF with another producer (qpdf / mutool / pdftocairo) to vary its structure. */
export function rewrite(
  tool: 'classic' | 'linearize' | 'objstm' | 'mutool-clean' | 'pdftocairo',
  input: Uint8Array,
  dir: string,
): Uint8Array {
  const src = join(dir, `src-${tool}.pdf`);
  const out = join(dir, `out-${tool}.pdf`);
  writeFileSync(src, input);
  const commands: Record<typeof tool, [string, string[]]> = {
    classic: ['qpdf', ['--object-streams=disable', src, out]],
    linearize: ['qpdf', ['--linearize', src, out]],
    objstm: ['qpdf', ['--object-streams=generate', src, out]],
    'mutool-clean': ['mutool', ['clean', '-gggg', src, out]],
    pdftocairo: ['pdftocairo', ['-pdf', src, out]],
  };
  const [cmd, args] = commands[tool];
  execFileSync(cmd, args, { stdio: 'pipe' });
  return read(out);
}

/** Prepare placements from the generated document's truth (the layout module does this for real files). */
export function placementsFrom(truth: DocumentTruth): PrepareOptions {
  const block = truth.signerBlocks[0];
  if (block === undefined) {
    throw new Error('document has no signer block');
  }
  const top = block.titleLine.y - 2;
  const bottom = block.nameLine.y + block.nameLine.height + 2;
  const signature: Rect = { x: block.titleLine.x, y: bottom, width: 150, height: Math.max(20, top - bottom) };
  const seal: Rect = { x: signature.x - 60, y: signature.y - 15, width: 100, height: 100 };
  return {
    soKyHieu: { pageIndex: 0, rect: truth.soLine },
    ngayBanHanh: { pageIndex: 0, rect: truth.dateLine },
    signers: [
      { role: 'personal', placement: { pageIndex: block.pageIndex, rect: signature } },
      { role: 'organization', placement: { pageIndex: block.pageIndex, rect: seal } },
    ],
  };
}

/** Text of the bytes a revision appended after `base`. */
export function appended(base: Uint8Array, out: Uint8Array): string {
  return Buffer.from(out.subarray(base.length)).toString('latin1');
}

export function startsWith(out: Uint8Array, base: Uint8Array): boolean {
  return Buffer.from(out.subarray(0, base.length)).equals(Buffer.from(base));
}

export interface IssuedPaths {
  readonly prepared: string;
  readonly signed: string;
  readonly numbered: string;
  readonly sealed: string;
}

/**
 * prepare → personal signature (certify P=2) → number → organization seal locking the number
 * fields. A field prepared with its /Lock signs with that lock whatever `seal.lockFields` says.
 */
export async function issueDocument(
  pki: PkiMaterial,
  bytes: Uint8Array,
  prepare: PrepareOptions,
  dir: string,
  seal: { readonly lockFields?: readonly string[] } = { lockFields: [FIELD_SO_KY_HIEU, FIELD_NGAY_BAN_HANH] },
): Promise<IssuedPaths> {
  const paths = {
    prepared: join(dir, 'Quyết định 1 - đã chuẩn bị.pdf'),
    signed: join(dir, 'Quyết định 1 - lãnh đạo ký.pdf'),
    numbered: join(dir, 'Quyết định 1 - cấp số.pdf'),
    sealed: join(dir, 'Quyết định 1 - đóng dấu.pdf'),
  };
  await preparePdf(bytes, paths.prepared, prepare);
  await signPdf(read(paths.prepared), paths.signed, {
    signer: await signerFor(pki, 'person'),
    role: 'personal',
    certify: 2,
    appearance: createAppearance,
    imagePng: signaturePng(),
  });
  await writeNumber(read(paths.signed), paths.numbered, {
    soKyHieu: '15/QĐ-UBND',
    ngayBanHanh: '2026-11-22',
    diaDanh: 'Bắc Ninh',
  });
  await signPdf(read(paths.numbered), paths.sealed, {
    signer: await signerFor(pki, 'org'),
    role: 'organization',
    appearance: createAppearance,
    imagePng: sealPng(),
    ...(seal.lockFields === undefined ? {} : { lockFields: seal.lockFields }),
  });
  return paths;
}

/** Prepare options from the layout module, as `vanthu prepare --auto` computes them. */
export function autoPlacements(bytes: Uint8Array): Promise<PrepareOptions> {
  return autoPrepareOptions(bytes, ['personal', 'organization']);
}
