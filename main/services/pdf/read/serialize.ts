import { type PdfDict, PdfName, PdfRef, PdfStream, PdfString, isArray, type PdfValue } from './values.ts';

/** A name as written: characters outside the regular printable range escaped as #xx. */
function nameText(name: string): string {
  let out = '/';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    out +=
      c < 0x21 || c > 0x7e || '#()<>[]{}/%'.includes(name[i] as string)
        ? `#${c.toString(16).padStart(2, '0')}`
        : name[i];
  }
  return out;
}

/**
 * One canonical text of a value, so two readings compare as strings: dictionaries keep their
 * key order, strings are written in hex (literal escapes vary between writers), and a stream is
 * its dictionary only (compare its bytes separately).
 */
export function serialize(value: PdfValue | undefined): string {
  if (value === undefined) {
    return '';
  }
  if (value === null || typeof value === 'boolean' || typeof value === 'number') {
    return String(value);
  }
  if (value instanceof PdfName) {
    return nameText(value.name);
  }
  if (value instanceof PdfString) {
    return `<${Buffer.from(value.bytes).toString('hex')}>`;
  }
  if (value instanceof PdfRef) {
    return `${value.num} ${value.gen} R`;
  }
  if (isArray(value)) {
    return `[${value.map(serialize).join(' ')}]`;
  }
  if (value instanceof PdfStream) {
    return `${serialize(value.dict)}stream`;
  }
  const parts: string[] = [];
  for (const [key, item] of (value as PdfDict).map) {
    parts.push(`${nameText(key)} ${serialize(item)}`);
  }
  return `<<${parts.join(' ')}>>`;
}

/** Same value as written: dictionaries by their text, streams by dictionary and raw bytes. */
export function sameValue(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) {
    return true;
  }
  if (a instanceof PdfStream || b instanceof PdfStream) {
    return (
      a instanceof PdfStream &&
      b instanceof PdfStream &&
      Buffer.compare(a.data, b.data) === 0 &&
      serialize(a.dict) === serialize(b.dict)
    );
  }
  return serialize(a) === serialize(b);
}
