import { join } from 'node:path';
import { numberPdf } from '../../../main/services/pdf/sign/number.ts';
import { preparePdf, type PrepareOptions } from '../../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { autoPrepareOptions } from '../../../main/services/signing/prepare.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import type { PkiMaterial } from '../../support/pki/build.ts';
import { read, signerFor, type IssuedPaths } from './flow-support.ts';

/** Today's date in Vietnam (YYYY-MM-DD), the issue date a văn thư would write. */
export function todayVn(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The issuing flow as the app runs it: `prepare --auto` (the organization's field carries its
 * lock from here on) → the leader signs, certifying P=2 → the văn thư numbers → the organization
 * signs its prepared field, whose /Lock becomes its FieldMDP /Reference (no lock option given).
 */
export async function issueAuto(
  pki: PkiMaterial,
  bytes: Uint8Array,
  dir: string,
  prepare?: PrepareOptions,
): Promise<IssuedPaths> {
  const paths = {
    prepared: join(dir, 'chuẩn bị.pdf'),
    signed: join(dir, 'lãnh đạo ký.pdf'),
    numbered: join(dir, 'cấp số.pdf'),
    sealed: join(dir, 'đóng dấu.pdf'),
  };
  await preparePdf(bytes, paths.prepared, prepare ?? (await autoPrepareOptions(bytes, ['personal', 'organization'])));
  await signPdf(read(paths.prepared), paths.signed, {
    signer: await signerFor(pki, 'person'),
    role: 'personal',
    certify: 2,
    appearance: createAppearance,
    imagePng: signaturePng(),
  });
  await numberPdf(read(paths.signed), paths.numbered, {
    soKyHieu: '15/QĐ-UBND',
    // real time: the văn thư numbers on the day of the run, like the signatures around it.
    ngayBanHanh: todayVn(new Date()),
    diaDanh: 'Bắc Ninh',
  });
  await signPdf(read(paths.numbered), paths.sealed, {
    signer: await signerFor(pki, 'org'),
    role: 'organization',
    appearance: createAppearance,
    imagePng: sealPng(),
  });
  return paths;
}
