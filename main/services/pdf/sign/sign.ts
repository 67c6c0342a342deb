import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } from '@cantoo/pdf-lib';
import type { Placement, SignatureRole } from '../placement.ts';
import type { Signer } from '../signer.ts';
import { blankAppearance, type AppearanceFactory } from './appearance.ts';
import { buildCms, type TimestampSource } from './cms.ts';
import { signFailure } from './fail.ts';
import { acroForm, addWidgetField, catalog, catalogRef, findField, hasSignature, pdfText } from './form.ts';
import { Increment } from './increment.ts';
import { pageRefAt, widgetRotation } from './pages.ts';
import { assertCertificateUsable } from './signer-check.ts';
import { certificateFacts } from './certificate-facts.ts';
import { assertModificationAllowed } from './mdp.ts';
import { readFieldLock, registerLock, type FieldLock } from './field-lock.ts';
import { buildSigDict } from './sig-dict.ts';
import { writeSignedFile } from './write-signed.ts';
import { assertPdfBytes } from './input.ts';

/** Field names used across the issuing flow (glossary: nguoiKy, coQuan). */
export const DEFAULT_SIGNATURE_FIELD: Readonly<Record<SignatureRole, string>> = {
  personal: 'ChuKy_NguoiKy',
  organization: 'ChuKy_CoQuan',
  appendix: 'ChuKy_PhuLuc',
  copy: 'ChuKy_BanSao',
};

/** B-B needs ~3 KB; the default leaves room for long chains, B-T adds the TSA token (P11). */
export const PLACEHOLDER_BYTES_BB = 8192;
export const PLACEHOLDER_BYTES_BT = 20480;

export interface SignOptions {
  readonly signer: Signer;
  readonly role: SignatureRole;
  /** Existing empty signature field to sign, or the name of a new one; default per role. */
  readonly fieldName?: string;
  /** Where a new field goes; omitted means an invisible signature. Ignored for existing fields. */
  readonly placement?: Placement;
  readonly appearance?: AppearanceFactory;
  readonly imagePng?: Uint8Array;
  readonly textLines?: readonly string[];
  readonly fontSize?: number;
  /** Page /Rotate, so the appearance reads upright (from the layout module). */
  readonly pageRotation?: number;
  /** Certify with DocMDP (the leader's signature: P=2). */
  readonly certify?: 1 | 2 | 3;
  /**
   * FieldMDP lock on these fields (the organization locking số/ký hiệu and date) for a field
   * created now. A field prepared with a /Lock always signs with that lock instead.
   */
  readonly lockFields?: readonly string[];
  readonly timestamp?: TimestampSource;
  /** Issuer certificates (DER) to embed when the signer's token does not hold them. */
  readonly extraCertificates?: readonly Uint8Array[];
  readonly placeholderBytes?: number;
  readonly signingTime?: Date;
  readonly reason?: string;
  readonly location?: string;
  /**
   * The signed file is returned (`SignResult.bytes`) and written nowhere; `outPath` is unused.
   * For a caller that checks and stores it itself (the workflow's content store).
   */
  readonly inMemory?: boolean;
}

export interface SignResult {
  readonly fieldName: string;
  readonly bytesAdded: number;
  readonly cmsBytes: number;
  readonly signingTime: string;
  /** The signed file, when signed in memory (`inMemory`): written nowhere. */
  readonly bytes?: Uint8Array;
}

/** Signs `bytes` into a new or existing empty signature field and writes `outPath` atomically. */
export async function signPdf(bytes: Uint8Array, outPath: string, options: SignOptions): Promise<SignResult> {
  assertPdfBytes(bytes);
  const inc = await Increment.open(bytes);
  const fieldName = options.fieldName ?? DEFAULT_SIGNATURE_FIELD[options.role];
  const signingTime = options.signingTime ?? new Date();
  const existing = findField(inc, fieldName);
  assertCertificateUsable(options.signer, signingTime);

  if (options.certify !== undefined && hasSignature(inc)) {
    throw signFailure('INVALID_INPUT', 'Chỉ chữ ký đầu tiên mới được chứng thực (DocMDP).');
  }

  let fieldDict: PDFDict;
  let widget: PDFDict;
  let width: number;
  let height: number;
  if (existing !== undefined) {
    if (existing.type !== 'Sig') {
      throw signFailure('PDF_FIELD_EXISTS', `Trường "${fieldName}" không phải trường chữ ký.`, { field: fieldName });
    }
    if (existing.dict.has(PDFName.of('V'))) {
      throw signFailure('PDF_FIELD_EXISTS', `Trường "${fieldName}" đã được ký.`, { field: fieldName });
    }
    assertModificationAllowed(inc, false);
    fieldDict = existing.dict;
    widget = widgetOf(inc, existing.dict);
    if (existing.ref !== undefined) {
      inc.markChanged(existing.ref);
    }
    const widgetRef = widgetRefOf(existing.dict);
    if (widgetRef !== undefined) {
      inc.markChanged(widgetRef);
    }
    [width, height] = rectSize(widget);
  } else {
    assertModificationAllowed(inc, true);
    const placement = options.placement;
    const pageIndex = placement?.pageIndex ?? 0;
    const pageRef = pageRefAt(inc, pageIndex);
    const r = placement?.rect ?? { x: 0, y: 0, width: 0, height: 0 };
    width = r.width;
    height = r.height;
    fieldDict = inc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [r.x, r.y, r.x + r.width, r.y + r.height],
      // Print + Locked: the widget prints and cannot be moved by a viewer.
      F: 132,
      P: pageRef,
    }) as PDFDict;
    fieldDict.set(PDFName.of('T'), pdfText(fieldName));
    widget = fieldDict;
    addWidgetField(inc, inc.register(fieldDict), pageRef);
  }

  const form = acroForm(inc, true);
  if (form === undefined) {
    throw signFailure('INTERNAL');
  }
  const sigFlags = form.value.lookup(PDFName.of('SigFlags'));
  if (!(sigFlags instanceof PDFNumber) || (sigFlags.asNumber() & 3) !== 3) {
    form.value.set(PDFName.of('SigFlags'), PDFNumber.of(3));
    inc.markChanged(form.holder);
  }

  // An invisible signature (zero-size widget) gets a blank appearance whatever the factory.
  const make = width > 0 && height > 0 ? (options.appearance ?? blankAppearance) : blankAppearance;
  const apRef = await make(inc.doc, {
    role: options.role,
    width,
    height,
    ...(options.imagePng === undefined ? {} : { imagePng: options.imagePng }),
    ...(options.textLines === undefined ? {} : { textLines: options.textLines }),
    ...(options.fontSize === undefined ? {} : { fontSize: options.fontSize }),
    pageRotation: options.pageRotation ?? widgetRotation(inc, widget),
  });
  widget.set(PDFName.of('AP'), inc.context.obj({ N: apRef }));

  // A prepared field's /Lock is the lock: rewriting it now would change a field definition
  // after the leader certified. An existing field without one gets the FieldMDP /Reference
  // only, for the same reason; a field created now carries both.
  const requested: FieldLock | undefined =
    options.lockFields !== undefined && options.lockFields.length > 0
      ? { action: 'Include', fields: options.lockFields }
      : undefined;
  const lock = (existing === undefined ? undefined : readFieldLock(existing.dict)) ?? requested;
  const placeholderBytes =
    options.placeholderBytes ?? (options.timestamp === undefined ? PLACEHOLDER_BYTES_BB : PLACEHOLDER_BYTES_BT);
  const sig = buildSigDict({
    contentsBytes: placeholderBytes,
    signingTime,
    name: commonName(options.signer),
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.location === undefined ? {} : { location: options.location }),
    ...(options.certify === undefined ? {} : { docMdp: options.certify }),
    ...(lock === undefined ? {} : { fieldLock: lock }),
  });
  const sigRef = inc.registerRaw(sig.bytes);
  fieldDict.set(PDFName.of('V'), sigRef);

  if (options.certify !== undefined) {
    catalog(inc).set(PDFName.of('Perms'), inc.context.obj({ DocMDP: sigRef }));
    inc.markChanged(catalogRef(inc));
  }
  if (existing === undefined && lock !== undefined) {
    fieldDict.set(PDFName.of('Lock'), registerLock(inc, lock));
  }

  await inc.doc.flush();
  const { bytes: increment, rawOffsets } = inc.build();
  const sigAt = rawOffsets.get(sigRef);
  if (sigAt === undefined) {
    throw signFailure('INTERNAL');
  }
  const written = await writeSignedFile({
    outPath: options.inMemory === true ? null : outPath,
    base: bytes,
    increment,
    sigOffset: sigAt,
    sig,
    sign: (digest) =>
      buildCms({
        digest,
        signer: options.signer,
        ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
        ...(options.extraCertificates === undefined ? {} : { extraCertificates: options.extraCertificates }),
      }),
  });
  return {
    fieldName,
    bytesAdded: increment.length,
    cmsBytes: written.cmsBytes,
    signingTime: signingTime.toISOString(),
    ...(written.bytes === undefined ? {} : { bytes: written.bytes }),
  };
}

function widgetRefOf(field: PDFDict): PDFRef | undefined {
  if (field.has(PDFName.of('Subtype'))) {
    return undefined;
  }
  const kids = field.get(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    const first = kids.get(0);
    if (first instanceof PDFRef) {
      return first;
    }
  }
  return undefined;
}

function widgetOf(inc: Increment, field: PDFDict): PDFDict {
  const ref = widgetRefOf(field);
  if (ref === undefined) {
    return field;
  }
  const widget = inc.context.lookup(ref);
  return widget instanceof PDFDict ? widget : field;
}

function rectSize(widget: PDFDict): [number, number] {
  const rect = widget.lookup(PDFName.of('Rect'));
  if (!(rect instanceof PDFArray) || rect.size() < 4) {
    return [0, 0];
  }
  const n = rect.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0));
  return [Math.abs((n[2] ?? 0) - (n[0] ?? 0)), Math.abs((n[3] ?? 0) - (n[1] ?? 0))];
}

function commonName(signer: Signer): string | undefined {
  try {
    const { subject } = certificateFacts(signer.certificate);
    return /(?:^|\n)CN=([^\n]+)/.exec(subject)?.[1];
  } catch {
    return undefined;
  }
}
