import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from '../../../main/services/pdf/sign/fields.ts';
import { writeNumber } from '../../../main/services/pdf/sign/write-number.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { loadRevision } from '../../../main/services/pdf/read/pdf-model.ts';
import { placementsFrom } from '../../integration/sign/flow-support.ts';
import { sealPng, signaturePng } from '../corpus/images.ts';
import { makeDocument } from '../corpus/make-document.ts';
import type { CertMaterial, PkiMaterial } from '../pki/build.ts';

const MODIFY_SCRIPT = fileURLToPath(new URL('./modify.js', import.meta.url));

export type CorpusName =
  | 'unsigned'
  | 'vanthu-1'
  | 'vanthu-2'
  | 'pdfsig-1'
  | 'pdfsig-2'
  | 'mutool-1'
  | 'mutool-2'
  | 'vanthu-1+text'
  | 'vanthu-1+page'
  | 'vanthu-1+annot'
  | 'vanthu-2+field-locked'
  | 'pdfsig-1+annot'
  | 'pdfsig-1+text'
  | 'mutool-1+field'
  | 'mutool-1+page'
  | 'vanthu-p1+field'
  | 'pdfsig-1+flipped'
  | 'mutool-2+flipped';

export type Corpus = Readonly<Record<CorpusName, string>>;

/** CertId is typed as string by the declaration, so look certificates up with a check. */
export function certOf(pki: PkiMaterial, id: string): CertMaterial {
  const cert = (pki.certs as Readonly<Record<string, CertMaterial | undefined>>)[id];
  if (cert === undefined) {
    throw new Error(`test PKI has no certificate ${id}`);
  }
  return cert;
}

function read(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** A copy of the PKI's NSS database holding the signers' keys, for `pdfsig -add-signature`. */
export function signingNssDb(pki: PkiMaterial, dir: string): string {
  const nss = join(dir, 'nss-sign');
  mkdirSync(nss, { recursive: true });
  cpSync(pki.nssDir, nss, { recursive: true });
  for (const id of ['person', 'org'] as const) {
    execFileSync('pk12util', ['-i', certOf(pki, id).p12, '-d', `sql:${nss}`, '-W', 'test'], { stdio: 'pipe' });
  }
  return nss;
}

export function pdfsigSign(nss: string, input: string, output: string, nick: string, field: string): void {
  execFileSync(
    'pdfsig',
    ['-nssdir', `sql:${nss}`, '-add-signature', '-nick', nick, '-new-signature-field-name', field, input, output],
    { stdio: 'pipe' },
  );
}

export async function emptySignatureFields(path: string): Promise<number[]> {
  const model = loadRevision(read(path));
  return [...model.fields.values()]
    .filter((f) => f.type === 'Sig' && f.dict.get('V') === undefined)
    .map((f) => Number(f.ref.split(' ')[0]));
}

function modify(input: string, output: string, action: 'text' | 'page' | 'annot' | 'field', arg?: string): void {
  execFileSync('mutool', ['run', MODIFY_SCRIPT, input, output, action, ...(arg === undefined ? [] : [arg])], {
    stdio: 'pipe',
  });
}

/** Flip one byte inside a compressed stream of the signed range: the file still parses, the digest breaks. */
function flip(input: string, output: string): void {
  const bytes = Buffer.from(readFileSync(input));
  const at = bytes.indexOf('stream', 200, 'latin1') + 40;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(output, bytes);
}

/**
 * The verification corpus, built per run: files signed by vanthu (one and two signatures,
 * numbered in between), by poppler and by mupdf; copies changed after signing; byte-flipped
 * copies; an unsigned file.
 */
export async function buildVerifyCorpus(pki: PkiMaterial, dir: string): Promise<Corpus> {
  mkdirSync(dir, { recursive: true });
  const p = (name: string) => join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.pdf`);
  const doc = await makeDocument();
  writeFileSync(p('unsigned'), doc.bytes);
  await preparePdf(doc.bytes, p('prepared'), placementsFrom(doc.truth));

  const person = await softwareSignerFromFiles(
    certOf(pki, 'person').keyPem,
    certOf(pki, 'person').certPem,
    pki.chainPem,
  );
  const org = await softwareSignerFromFiles(certOf(pki, 'org').keyPem, certOf(pki, 'org').certPem, pki.chainPem);
  await signPdf(read(p('prepared')), p('vanthu-1'), {
    signer: person,
    role: 'personal',
    certify: 2,
    appearance: createAppearance,
    imagePng: signaturePng(),
  });
  await writeNumber(read(p('vanthu-1')), p('vanthu-1-numbered'), {
    soKyHieu: '15/QĐ-UBND',
    ngayBanHanh: '2026-11-22',
    diaDanh: 'Bắc Ninh',
  });
  await signPdf(read(p('vanthu-1-numbered')), p('vanthu-2'), {
    signer: org,
    role: 'organization',
    appearance: createAppearance,
    imagePng: sealPng(),
    lockFields: [FIELD_SO_KY_HIEU, FIELD_NGAY_BAN_HANH],
  });

  // A certification with P=1: no change at all is permitted afterwards, not even form filling.
  await signPdf(read(p('prepared')), p('vanthu-p1'), {
    signer: person,
    role: 'personal',
    certify: 1,
    appearance: createAppearance,
    imagePng: signaturePng(),
  });
  modify(p('vanthu-p1'), p('vanthu-p1+field'), 'field', FIELD_SO_KY_HIEU);

  const nss = signingNssDb(pki, dir);
  pdfsigSign(nss, p('unsigned'), p('pdfsig-1'), 'person', 'PopplerCaNhan');
  pdfsigSign(nss, p('pdfsig-1'), p('pdfsig-2'), 'org', 'PopplerCoQuan');

  const [first, second] = await emptySignatureFields(p('prepared'));
  if (first === undefined || second === undefined) {
    throw new Error('prepared file lacks two signature fields');
  }
  const mutoolSign = (input: string, output: string, p12: string, field: number) =>
    execFileSync('mutool', ['sign', '-s', p12, '-P', 'test', '-o', output, input, String(field)], { stdio: 'pipe' });
  mutoolSign(p('prepared'), p('mutool-1'), certOf(pki, 'person').p12, first);
  mutoolSign(p('mutool-1'), p('mutool-2'), certOf(pki, 'org').p12, second);

  modify(p('vanthu-1'), p('vanthu-1+text'), 'text');
  modify(p('vanthu-1'), p('vanthu-1+page'), 'page');
  modify(p('vanthu-1'), p('vanthu-1+annot'), 'annot');
  modify(p('vanthu-2'), p('vanthu-2+field-locked'), 'field', FIELD_SO_KY_HIEU);
  modify(p('pdfsig-1'), p('pdfsig-1+annot'), 'annot');
  modify(p('pdfsig-1'), p('pdfsig-1+text'), 'text');
  modify(p('mutool-1'), p('mutool-1+field'), 'field', FIELD_SO_KY_HIEU);
  modify(p('mutool-1'), p('mutool-1+page'), 'page');
  flip(p('pdfsig-1'), p('pdfsig-1+flipped'));
  flip(p('mutool-2'), p('mutool-2+flipped'));

  const names: CorpusName[] = [
    'unsigned',
    'vanthu-1',
    'vanthu-2',
    'pdfsig-1',
    'pdfsig-2',
    'mutool-1',
    'mutool-2',
    'vanthu-1+text',
    'vanthu-1+page',
    'vanthu-1+annot',
    'vanthu-2+field-locked',
    'pdfsig-1+annot',
    'pdfsig-1+text',
    'mutool-1+field',
    'mutool-1+page',
    'vanthu-p1+field',
    'pdfsig-1+flipped',
    'mutool-2+flipped',
  ];
  return Object.fromEntries(names.map((n) => [n, p(n)])) as Corpus;
}
