import { requestTimestamp } from '../../../main/services/tsa/client.ts';

const PLACEHOLDER_BYTES = 8192;

/**
 * Append a document timestamp (ISO 32000-2 /DocTimeStamp, /SubFilter /ETSI.RFC3161) as an
 * incremental update: a signature dictionary whose /Contents is an RFC 3161 token over the
 * ByteRange. The signing engine does not make these yet, so the verifier's tests build one.
 */
export async function appendDocumentTimestamp(base: Uint8Array, tsaUrl: string): Promise<Uint8Array> {
  const text = Buffer.from(base).toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? NaN);
  const size = Math.max(...[...text.matchAll(/\/Size\s+(\d+)/g)].map((m) => Number(m[1])));
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(text.slice(text.lastIndexOf('/Root')))?.[1];
  if (Number.isNaN(prev) || !Number.isFinite(size) || root === undefined) {
    throw new Error('base PDF has no trailer');
  }
  const num = size;
  const pad = (n: number, w = 10) => String(n).padStart(w, '0');
  const headText = `\n${num} 0 obj\n<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 ${pad(0)} ${pad(0)} ${pad(0)}] /Contents `;
  const objStart = base.length + 1;
  const gapStart = base.length + headText.length;
  const gapLength = PLACEHOLDER_BYTES * 2 + 2;
  const afterGap = ' >>\nendobj\n';
  const xrefAt = gapStart + gapLength + afterGap.length;
  const trailer = `xref\n0 1\n0000000000 65535 f \n${num} 1\n${pad(objStart)} 00000 n \ntrailer\n<< /Size ${num + 1} /Root ${root} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const tailLength = afterGap.length + trailer.length;
  const head = headText.replace(
    `[0 ${pad(0)} ${pad(0)} ${pad(0)}]`,
    `[0 ${pad(gapStart)} ${pad(gapStart + gapLength)} ${pad(tailLength)}]`,
  );
  const before = Buffer.concat([Buffer.from(base), Buffer.from(head, 'latin1')]);
  const after = Buffer.from(afterGap + trailer, 'latin1');
  const token = await requestTimestamp(Buffer.concat([before, after]), { url: tsaUrl });
  const hex = Buffer.from(token)
    .toString('hex')
    .padEnd(PLACEHOLDER_BYTES * 2, '0');
  if (hex.length > PLACEHOLDER_BYTES * 2) {
    throw new Error('timestamp token larger than the placeholder');
  }
  return new Uint8Array(Buffer.concat([before, Buffer.from(`<${hex}>`, 'latin1'), after]));
}
