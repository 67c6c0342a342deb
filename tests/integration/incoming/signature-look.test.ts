import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFName, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSignatureLooks } from '../../../main/services/incoming/signature-appearance.ts';
import { inProcessInspector, type Inspection } from '../../../main/services/incoming/inspect-file.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import type { AppearanceSpec } from '../../../main/services/pdf/placement.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { DEFAULT_SIGNATURE_FIELD, signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { createVerifyService } from '../../../main/services/pdf/verify/verify-service.ts';
import { createSettingsStore } from '../../../main/services/settings/settings-store.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { certOf, emptySignatureFields } from '../../support/verify/corpus.ts';
import { placementsFrom } from '../sign/flow-support.ts';

/**
 * Signature kinds by the NĐ 30 Phụ lục I appearance (Phần II, mục 7.c and 8.b) beside the
 * certificate profile, on files the test signs: with our signer and our appearances, with our
 * signer and odd appearances built with pdf-lib (nested forms, an ICC colour space, PNG
 * predictors), and with mupdf (`mutool sign`: text appearances, no image, placed by us).
 */
const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-look-'));
const ORG = 'ỦY BAN NHÂN DÂN TỈNH X';
const files: Record<string, string> = {};
let inspect: ReturnType<typeof inProcessInspector>;

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

/** PNG rows with the "Sub" filter on every row: what a writer using /Predictor 15 may write. */
function subFiltered(samples: Uint8Array, rowBytes: number, bpp: number): Uint8Array {
  const rows = samples.length / rowBytes;
  const out = new Uint8Array(rows * (rowBytes + 1));
  for (let r = 0; r < rows; r += 1) {
    out[r * (rowBytes + 1)] = 1;
    for (let c = 0; c < rowBytes; c += 1) {
      const left = c >= bpp ? (samples[r * rowBytes + c - bpp] ?? 0) : 0;
      out[r * (rowBytes + 1) + 1 + c] = ((samples[r * rowBytes + c] ?? 0) - left) & 0xff;
    }
  }
  return out;
}

/**
 * An appearance as another tool might build it: the image sits in a form XObject inside the
 * appearance, in an ICCBased RGB colour space, predicted and deflated, its alpha a predicted
 * soft mask.
 */
function oddAppearance(png: Uint8Array) {
  return async (doc: PDFDocument, spec: AppearanceSpec): Promise<PDFRef> => {
    const image = PNG.sync.read(Buffer.from(png));
    const { width, height } = image;
    const rgb = new Uint8Array(width * height * 3);
    const alpha = new Uint8Array(width * height);
    for (let i = 0; i < width * height; i += 1) {
      rgb.set(image.data.subarray(i * 4, i * 4 + 3), i * 3);
      alpha[i] = image.data[i * 4 + 3] ?? 0;
    }
    const base = { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8 };
    const predicted = (colors: number) => ({
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: colors, Columns: width, BitsPerComponent: 8 },
    });
    const mask = doc.context.register(
      doc.context.stream(deflateSync(subFiltered(alpha, width, 1)), {
        ...base,
        ColorSpace: 'DeviceGray',
        ...predicted(1),
      }),
    );
    const icc = doc.context.register(doc.context.stream(new Uint8Array(16), { N: 3 }));
    const imageRef = doc.context.register(
      doc.context.stream(deflateSync(subFiltered(rgb, width * 3, 3)), {
        ...base,
        ColorSpace: [PDFName.of('ICCBased'), icc],
        SMask: mask,
        ...predicted(3),
      }),
    );
    const inner = doc.context.register(
      doc.context.stream(`q ${spec.width} 0 0 ${spec.height} 0 0 cm /Img Do Q`, {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, spec.width, spec.height],
        Resources: { XObject: { Img: imageRef } },
      }),
    );
    return doc.context.register(
      doc.context.stream('q /Inner Do Q', {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, spec.width, spec.height],
        Resources: { XObject: { Inner: inner } },
      }),
    );
  };
}

beforeAll(async () => {
  const doc = await makeDocument();
  const prepared = join(dir, 'prepared.pdf');
  await preparePdf(doc.bytes, prepared, placementsFrom(doc.truth));
  const person = await softwareSignerFromFiles(
    certOf(pki, 'person').keyPem,
    certOf(pki, 'person').certPem,
    pki.chainPem,
  );
  const org = await softwareSignerFromFiles(certOf(pki, 'org').keyPem, certOf(pki, 'org').certPem, pki.chainPem);
  const sign = async (
    input: string,
    name: string,
    options: Omit<Parameters<typeof signPdf>[2], 'appearance'> & {
      appearance?: Parameters<typeof signPdf>[2]['appearance'];
    },
  ) => {
    files[name] = join(dir, `${name}.pdf`);
    await signPdf(read(input), files[name], { appearance: createAppearance, ...options });
    return files[name];
  };
  // Ours, as NĐ 30 draws them: blue signature, red seal over its left third.
  const leader = await sign(prepared, 'leader', { signer: person, role: 'personal', imagePng: signaturePng() });
  await sign(leader, 'both', { signer: org, role: 'organization', imagePng: sealPng() });
  // The organization's certificate drawn as a blue signature in the leader's place, no seal.
  await sign(prepared, 'org-as-leader', {
    signer: org,
    role: 'personal',
    fieldName: DEFAULT_SIGNATURE_FIELD.personal,
    imagePng: signaturePng(),
  });
  // The leader's personal certificate used for the seal: red image, seal's place.
  await sign(leader, 'person-as-seal', {
    signer: person,
    role: 'organization',
    fieldName: DEFAULT_SIGNATURE_FIELD.organization,
    imagePng: sealPng(),
  });
  // Odd appearances (pdf-lib objects, our incremental writer): nested form, ICC, predictors.
  const oddLeader = await sign(prepared, 'odd-leader', {
    signer: person,
    role: 'personal',
    appearance: oddAppearance(signaturePng()),
  });
  await sign(oddLeader, 'odd-both', { signer: org, role: 'organization', appearance: oddAppearance(sealPng()) });
  // mupdf signs the prepared fields with its own text appearance (no image): placement alone.
  const [first, second] = await emptySignatureFields(prepared);
  const mutool = (input: string, output: string, id: 'person' | 'org', field: number | undefined) =>
    execFileSync('mutool', ['sign', '-s', certOf(pki, id).p12, '-P', 'test', '-o', output, input, String(field)], {
      stdio: 'pipe',
    });
  files['mutool-1'] = join(dir, 'mutool-1.pdf');
  files['mutool-2'] = join(dir, 'mutool-2.pdf');
  files['mutool-swapped'] = join(dir, 'mutool-swapped.pdf');
  mutool(prepared, files['mutool-1'], 'person', first);
  mutool(files['mutool-1'], files['mutool-2'], 'org', second);
  // The leader's certificate in the seal's place and the organization's in the leader's.
  const swapped1 = join(dir, 'mutool-swapped-1.pdf');
  mutool(prepared, swapped1, 'org', first);
  mutool(swapped1, files['mutool-swapped'], 'person', second);
  inspect = inProcessInspector(
    createVerifyService({
      settings: createSettingsStore({ store: { verify: { trustPaths: [pki.rootPem, pki.subPem] } } }),
      log: silentLogger,
      cacheDir: join(dir, 'cache'),
      evidenceDir: join(dir, 'evidence'),
    }),
  );
}, 120_000);

const inspected = (name: string): Promise<Inspection> => inspect({ path: files[name] as string, coQuanBanHanh: ORG });
const kinds = (i: Inspection) => i.signatures.map((s) => [s.kind, s.appearance?.kind]);
const codes = (i: Inspection) => i.findings.map((f) => f.code);

describe('signature kinds by certificate and by the NĐ 30 Phụ lục I appearance', () => {
  it('our signer: the blue signature and the red seal over its left third agree with the certificates', async () => {
    const result = await inspected('both');
    expect(kinds(result)).toEqual([
      ['personal', 'personal'],
      ['organization', 'organization'],
    ]);
    expect(result.signatures[1]?.appearance?.rules).toEqual([
      'ND30_PL1_8B_DAU_MAU_DO',
      'ND30_PL1_8B_DAU_TRUM_1_3_BEN_TRAI',
    ]);
    expect(result.signatures[0]?.appearance?.rules).toEqual([
      'ND30_PL1_7C_CHU_KY_MAU_XANH',
      'ND30_PL1_7C_BI_DAU_TRUM_BEN_TRAI',
    ]);
    expect(codes(result)).not.toContain('SIGNATURE_KIND_MISMATCH');
    const looks = readSignatureLooks(read(files['both'] as string));
    expect(looks.map((l) => l.ink)).toEqual(['blue', 'red']);
    expect(looks.every((l) => l.page === looks[0]?.page && l.page !== null)).toBe(true);
  });

  it('an organization certificate with a personal-looking appearance is said plainly', async () => {
    const result = await inspected('org-as-leader');
    expect(kinds(result)).toEqual([['organization', 'personal']]);
    const mismatch = result.findings.find((f) => f.code === 'SIGNATURE_KIND_MISMATCH');
    expect(mismatch?.severity).toBe('indeterminate');
    expect(mismatch?.message).toMatch(
      /^Chữ ký "ChuKy_NguoiKy" dùng chứng thư số của cơ quan, tổ chức \(ỦY BAN NHÂN DÂN TỈNH X\) nhưng hình thức thể hiện lại là chữ ký của người có thẩm quyền \(hình ảnh chủ yếu màu xanh, trang \d+\) theo NĐ 30\/2020\/NĐ-CP, Phụ lục I, Phần II, mục 7\.c\.$/u,
    );
  });

  it('a personal certificate used for the red seal in the seal’s place is said plainly', async () => {
    const result = await inspected('person-as-seal');
    expect(kinds(result)).toEqual([
      ['personal', 'personal'],
      ['personal', 'organization'],
    ]);
    const mismatch = result.findings.find((f) => f.code === 'SIGNATURE_KIND_MISMATCH');
    expect(mismatch?.message).toContain('dùng chứng thư số của cá nhân (Nguyễn Văn A)');
    expect(mismatch?.message).toContain('hình dấu của cơ quan, tổ chức');
    expect(mismatch?.message).toContain('mục 8.b');
    expect(codes(result)).toContain('ORGANIZATION_SIGNATURE_MISSING');
  });

  it('odd appearances (nested forms, ICC colour, PNG predictors, soft masks) are read the same', async () => {
    const looks = readSignatureLooks(read(files['odd-both'] as string));
    expect(looks.map((l) => l.ink)).toEqual(['blue', 'red']);
    const result = await inspected('odd-both');
    expect(kinds(result)).toEqual([
      ['personal', 'personal'],
      ['organization', 'organization'],
    ]);
    expect(codes(result)).not.toContain('SIGNATURE_KIND_MISMATCH');
  });

  it('mutool’s text appearances carry no image: placement alone gives the look', async () => {
    const looks = readSignatureLooks(read(files['mutool-2'] as string));
    expect(looks.map((l) => l.ink)).toEqual(['none', 'none']);
    const result = await inspected('mutool-2');
    expect(kinds(result)).toEqual([
      ['personal', 'personal'],
      ['organization', 'organization'],
    ]);
    expect(result.signatures[1]?.appearance?.rules).toEqual(['ND30_PL1_8B_DAU_TRUM_1_3_BEN_TRAI']);
    expect(codes(result)).not.toContain('SIGNATURE_KIND_MISMATCH');

    const swapped = await inspected('mutool-swapped');
    expect(kinds(swapped)).toEqual([
      ['organization', 'personal'],
      ['personal', 'organization'],
    ]);
    expect(swapped.findings.filter((f) => f.code === 'SIGNATURE_KIND_MISMATCH')).toHaveLength(2);
  });
});
