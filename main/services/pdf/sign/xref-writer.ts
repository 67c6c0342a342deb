import type { PDFObject, PDFRef } from '@cantoo/pdf-lib';

export interface XrefSectionInput {
  readonly kind: 'table' | 'stream';
  /** Absolute file offset where the section starts. */
  readonly offset: number;
  readonly entries: ReadonlyArray<{ readonly ref: PDFRef; readonly offset: number }>;
  /** One more than the highest object number used by the objects in `entries`. */
  readonly size: number;
  readonly prev: number;
  readonly root: PDFObject | undefined;
  readonly info: PDFObject | undefined;
  readonly id: PDFObject | undefined;
}

/**
 * Writes the cross-reference section and trailer of an increment in the same flavour as the
 * file it extends (pitfall P5): a classic table after a table, an xref stream after a stream.
 */
export function writeXrefSection(input: XrefSectionInput): Uint8Array {
  return input.kind === 'table' ? classic(input) : stream(input);
}

function trailerEntries(input: XrefSectionInput, size: number): string {
  let text = `/Size ${size}`;
  if (input.root !== undefined) {
    text += ` /Root ${input.root.toString()}`;
  }
  if (input.info !== undefined) {
    text += ` /Info ${input.info.toString()}`;
  }
  if (input.id !== undefined) {
    text += ` /ID ${input.id.toString()}`;
  }
  return `${text} /Prev ${input.prev}`;
}

/** Groups sorted entries into runs of consecutive object numbers (xref subsections). */
function runs<T extends { readonly ref: PDFRef }>(entries: readonly T[]): T[][] {
  const result: T[][] = [];
  for (const entry of entries) {
    const current = result[result.length - 1];
    const previous = current?.[current.length - 1];
    if (current !== undefined && previous !== undefined && previous.ref.objectNumber + 1 === entry.ref.objectNumber) {
      current.push(entry);
    } else {
      result.push([entry]);
    }
  }
  return result;
}

function classic(input: XrefSectionInput): Uint8Array {
  let text = 'xref\n';
  for (const run of runs(input.entries)) {
    text += `${run[0]?.ref.objectNumber ?? 0} ${run.length}\n`;
    for (const { ref, offset } of run) {
      // Exactly 20 bytes per entry, as the spec requires.
      text += `${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n \n`;
    }
  }
  text += `trailer\n<< ${trailerEntries(input, input.size)} >>\nstartxref\n${input.offset}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

function stream(input: XrefSectionInput): Uint8Array {
  const selfNumber = input.size;
  const all = [
    ...input.entries,
    { ref: { objectNumber: selfNumber, generationNumber: 0 } as PDFRef, offset: input.offset },
  ];
  // Type 1 rows: [1-byte type][4-byte offset][2-byte generation]; uncompressed so the
  // section stays readable and deterministic.
  const data = Buffer.alloc(all.length * 7);
  all.forEach(({ ref, offset }, i) => {
    data.writeUInt8(1, i * 7);
    data.writeUInt32BE(offset, i * 7 + 1);
    data.writeUInt16BE(ref.generationNumber, i * 7 + 5);
  });
  const index = runs(all)
    .map((run) => `${run[0]?.ref.objectNumber ?? 0} ${run.length}`)
    .join(' ');
  const head =
    `${selfNumber} 0 obj\n<< /Type /XRef ${trailerEntries(input, selfNumber + 1)}` +
    ` /W [1 4 2] /Index [${index}] /Length ${data.length} >>\nstream\n`;
  const tail = `\nendstream\nendobj\nstartxref\n${input.offset}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from(tail, 'latin1')]);
}
