import { serialize } from '../../read/serialize.ts';
import { PdfRef } from '../../read/values.ts';
import type { PdfModel } from '../../read/pdf-model.ts';
import type { FieldLock } from './field-lock.ts';
import { isDocTimestamp, isSignatureValue } from './uses.ts';

export interface ChangeRules {
  /** DocMDP P of the signature (null: approval signature, no document-wide restriction). */
  readonly docMdp: number | null;
  readonly lock: FieldLock | null;
}

/**
 * What happened to the form between the signed revision and the final one, by full field name:
 * the facts every rule needs (was this field filled, signed, stamped?).
 */
export interface Span {
  readonly p: number | null;
  readonly lock: FieldLock | null;
  readonly signed: PdfModel;
  readonly current: PdfModel;
  /** Non-signature fields whose value changed. */
  readonly filled: ReadonlySet<string>;
  /** Signature fields already signed in the signed revision. */
  readonly signedBefore: ReadonlySet<string>;
  /** Signature fields signed (or stamped) after it. */
  readonly newlySigned: ReadonlySet<string>;
  /** Of those, the document timestamps (ISO 32000-2 §12.8.5). */
  readonly timestamps: ReadonlySet<string>;
  /** Field names that did not exist in the signed revision. */
  readonly newFields: ReadonlySet<string>;
}

interface FieldFacts {
  readonly types: Map<string, string>;
  readonly values: Map<string, string>;
  readonly signatures: Map<string, 'signature' | 'timestamp'>;
}

function factsOf(model: PdfModel): FieldFacts {
  const types = new Map<string, string>();
  const values = new Map<string, string>();
  const signatures = new Map<string, 'signature' | 'timestamp'>();
  const rev = model.revision;
  for (const field of model.fields.values()) {
    if (!types.has(field.name) || field.type !== '') {
      types.set(field.name, field.type);
    }
    const v = field.dict.get('V');
    if (v === undefined) {
      continue;
    }
    if (field.type === 'Sig') {
      const sig = v instanceof PdfRef ? rev.lookup(v) : v;
      if (isSignatureValue(sig)) {
        signatures.set(field.name, isDocTimestamp(sig) ? 'timestamp' : 'signature');
      }
    } else {
      // Resolved one level, so a value rewritten in place behind the same reference still counts.
      values.set(field.name, serialize(v instanceof PdfRef ? rev.lookup(v) : v));
    }
  }
  return { types, values, signatures };
}

export function spanOf(signed: PdfModel, current: PdfModel, rules: ChangeRules): Span {
  const before = factsOf(signed);
  const after = factsOf(current);
  const filled = new Set<string>();
  for (const [name, value] of after.values) {
    if (before.types.has(name) && before.values.get(name) !== value) {
      filled.add(name);
    }
  }
  for (const name of before.values.keys()) {
    if (!after.values.has(name)) {
      filled.add(name); // cleared
    }
  }
  const newlySigned = new Set<string>();
  const timestamps = new Set<string>();
  for (const [name, kind] of after.signatures) {
    if (!before.signatures.has(name)) {
      newlySigned.add(name);
      if (kind === 'timestamp') {
        timestamps.add(name);
      }
    }
  }
  const newFields = new Set([...after.types.keys()].filter((name) => !before.types.has(name)));
  return {
    p: rules.docMdp,
    lock: rules.lock,
    signed,
    current,
    filled,
    signedBefore: new Set(before.signatures.keys()),
    newlySigned,
    timestamps,
    newFields,
  };
}
