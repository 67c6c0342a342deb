import { PDFDict, PDFName, PDFNumber, type PDFRef, PDFString } from '@cantoo/pdf-lib';
import { normalizeRotation } from '../../../domain/nd30/rotation.ts';
import type { Placement, SignatureRole } from '../placement.ts';
import { atomicWrite } from './atomic-write.ts';
import { signFailure } from './fail.ts';
import { registerLock } from './field-lock.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from './fields.ts';
import { acroForm, addWidgetField, pdfText, requireNewFieldName } from './form.ts';
import { Increment } from './increment.ts';
import { pageRefAt } from './pages.ts';
import { assertPdfBytes } from './input.ts';
import { assertModificationAllowed } from './mdp.ts';
import { DEFAULT_SIGNATURE_FIELD } from './sign.ts';

/** A box plus the turn of the page's text there (from the layout module); the page's /Rotate when absent. */
export type PreparedBox = Placement & { readonly pageRotation?: number };

export interface PlannedSigner {
  readonly role: SignatureRole;
  readonly placement: PreparedBox;
  readonly fieldName?: string;
  /**
   * Fields this signature will lock (FieldMDP), written as the field's /Lock now. Default: the
   * organization locks the number and date fields made here; other roles lock nothing.
   */
  readonly lockFields?: readonly string[];
}

export interface PrepareOptions {
  /** Where "Số: …" goes (ô số 3); omitted means no number field. */
  readonly soKyHieu?: PreparedBox;
  /** Where the place and date line goes (ô số 4); omitted means no date field. */
  readonly ngayBanHanh?: PreparedBox;
  readonly signers: readonly PlannedSigner[];
}

export interface PrepareResult {
  readonly fields: readonly string[];
  readonly bytesAdded: number;
}

/**
 * The prepare revision: every field the issuing flow will need, created at once before the
 * first signature. Adding fields later would be a change a locking signature forbids (P3), and
 * flags are set now because changing them after signing is flagged too.
 */
export async function preparePdf(bytes: Uint8Array, outPath: string, options: PrepareOptions): Promise<PrepareResult> {
  assertPdfBytes(bytes);
  const inc = await Increment.open(bytes);
  assertModificationAllowed(inc, true);
  const names: string[] = [];
  const form = acroForm(inc, true);
  if (form === undefined) {
    throw signFailure('INTERNAL');
  }

  const textFields: Array<[string, PreparedBox | undefined]> = [
    [FIELD_SO_KY_HIEU, options.soKyHieu],
    [FIELD_NGAY_BAN_HANH, options.ngayBanHanh],
  ];
  const planned = options.signers.map((s) => ({ ...s, name: s.fieldName ?? DEFAULT_SIGNATURE_FIELD[s.role] }));
  for (const name of [
    ...textFields.filter(([, p]) => p !== undefined).map(([n]) => n),
    ...planned.map((s) => s.name),
  ]) {
    if (names.includes(name)) {
      throw signFailure('PDF_FIELD_EXISTS', `Tên trường "${name}" bị lặp.`, { field: name });
    }
    requireNewFieldName(inc, name);
    names.push(name);
  }

  for (const [name, placement] of textFields) {
    if (placement === undefined) {
      continue;
    }
    const pageRef = pageRefAt(inc, placement.pageIndex);
    const field = widgetDict(inc, name, placement, pageRef, 'Tx');
    // ReadOnly now: a user must not type into it, and setting it after signing is a change (P3).
    field.set(PDFName.of('Ff'), PDFNumber.of(1));
    field.set(PDFName.of('DA'), PDFString.of('/Helv 13 Tf 0 g'));
    addWidgetField(inc, inc.register(field), pageRef);
  }
  const madeTextFields = textFields.filter(([, p]) => p !== undefined).map(([n]) => n);
  for (const signer of planned) {
    const pageRef = pageRefAt(inc, signer.placement.pageIndex);
    const field = widgetDict(inc, signer.name, signer.placement, pageRef, 'Sig');
    const lockFields = signer.lockFields ?? (signer.role === 'organization' ? madeTextFields : []);
    if (lockFields.length > 0) {
      // Before any signature: the lock is part of the field the leader's certification covers.
      field.set(PDFName.of('Lock'), registerLock(inc, { action: 'Include', fields: lockFields }));
    }
    addWidgetField(inc, inc.register(field), pageRef);
  }
  // Set now so that signing later does not have to change the AcroForm.
  form.value.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const dr = form.value.lookup(PDFName.of('DR'));
  if (!(dr instanceof PDFDict) || !(dr.lookup(PDFName.of('Font')) instanceof PDFDict)) {
    // Text fields name /Helv in /DA; viewers expect it in the form's default resources.
    form.value.set(
      PDFName.of('DR'),
      inc.context.obj({
        Font: { Helv: { Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' } },
      }),
    );
  }
  inc.markChanged(form.holder);

  await inc.doc.flush();
  const { bytes: increment } = inc.build();
  await atomicWrite(outPath, [bytes, increment]);
  return { fields: names, bytesAdded: increment.length };
}

function widgetDict(inc: Increment, name: string, box: PreparedBox, pageRef: PDFRef, type: 'Tx' | 'Sig'): PDFDict {
  const r = box.rect;
  const ap = inc.register(
    inc.context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, r.width, r.height], Resources: {} }),
  );
  const dict = inc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: type,
    Rect: [r.x, r.y, r.x + r.width, r.y + r.height],
    // Print; signature widgets are also Locked so a viewer cannot move them.
    F: type === 'Sig' ? 132 : 4,
    P: pageRef,
    AP: { N: ap },
  }) as PDFDict;
  dict.set(PDFName.of('T'), pdfText(name));
  if (box.pageRotation !== undefined) {
    // The turn of the text around the box, so number and sign draw in line with it (a page
    // turned after it was made shows its text sideways). Viewers read /MK /R the same way.
    dict.set(PDFName.of('MK'), inc.context.obj({ R: normalizeRotation(box.pageRotation) }));
  }
  return dict;
}
