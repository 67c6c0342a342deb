import { deflateSync } from 'node:zlib';

/**
 * Writes small PDFs byte by byte with exact offsets, so reader tests control every detail of
 * the cross-reference data (tables, streams, hybrids, updates, damage).
 */
export class PdfBuilder {
  private readonly parts: Buffer[] = [];
  private length = 0;
  readonly offsets = new Map<number, number>();

  constructor(header = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n') {
    this.raw(header);
  }

  get size(): number {
    return this.length;
  }

  raw(text: string | Buffer): this {
    const buf = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    this.parts.push(buf);
    this.length += buf.length;
    return this;
  }

  /** "n 0 obj body endobj"; returns the offset it was written at. */
  object(num: number, body: string | Buffer, gen = 0): number {
    const at = this.length;
    this.offsets.set(num, at);
    this.raw(`${num} ${gen} obj\n`).raw(body).raw('\nendobj\n');
    return at;
  }

  stream(num: number, dict: string, data: Buffer): number {
    return this.object(
      num,
      Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]),
    );
  }

  /** An object stream holding `members` (number → body); returns its offset. */
  objectStream(num: number, members: ReadonlyMap<number, string>): number {
    let header = '';
    let body = '';
    for (const [n, text] of members) {
      header += `${n} ${body.length} `;
      body += `${text}\n`;
    }
    const packed = deflateSync(Buffer.from(header + body, 'latin1'));
    return this.stream(num, `/Type /ObjStm /N ${members.size} /First ${header.length} /Filter /FlateDecode`, packed);
  }

  /** A classic table listing `nums` (from this builder's offsets) and a trailer; ends the revision. */
  table(nums: readonly number[], trailer: string): number {
    const at = this.length;
    let text = 'xref\n0 1\n0000000000 65535 f \n';
    for (const n of [...nums].sort((a, b) => a - b)) {
      text += `${n} 1\n${String(this.offsets.get(n)).padStart(10, '0')} 00000 n \n`;
    }
    this.raw(`${text}trailer\n<< ${trailer} >>\nstartxref\n${at}\n%%EOF\n`);
    return at;
  }

  /** A cross-reference stream (object `num`) with type 1 and 2 rows; ends the revision. */
  xrefStream(num: number, rows: ReadonlyMap<number, [1, number] | [2, number, number]>, trailer: string): number {
    const at = this.length;
    const nums = [...rows.keys(), num].sort((a, b) => a - b);
    const data: number[] = [];
    const index: number[] = [];
    for (const n of nums) {
      index.push(n, 1);
      const row = n === num ? ([1, at] as const) : (rows.get(n) as [1, number] | [2, number, number]);
      const [type, a, b = 0] = row;
      data.push(type, (a >> 24) & 255, (a >> 16) & 255, (a >> 8) & 255, a & 255, b & 255);
    }
    const packed = deflateSync(Buffer.from(data));
    this.offsets.set(num, at);
    this.raw(
      `${num} 0 obj\n<< /Type /XRef /W [1 4 1] /Index [${index.join(' ')}] /Size ${Math.max(...nums) + 1} ${trailer} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
    )
      .raw(packed)
      .raw(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`);
    return at;
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.parts));
  }
}
