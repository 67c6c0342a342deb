/** Undoes the PNG predictors (10–15) that xref streams usually carry. */
export function unpredict(data: Uint8Array, predictor: number, columns: number): Uint8Array {
  if (predictor === 1) {
    return data;
  }
  if (predictor < 10) {
    throw new Error('TIFF predictor');
  }
  const rowLength = columns + 1;
  const rows = Math.floor(data.length / rowLength);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * rowLength] ?? 0;
    for (let c = 0; c < columns; c += 1) {
      const raw = data[r * rowLength + 1 + c] ?? 0;
      const left = c > 0 ? (out[r * columns + c - 1] ?? 0) : 0;
      const up = r > 0 ? (out[(r - 1) * columns + c] ?? 0) : 0;
      const upLeft = r > 0 && c > 0 ? (out[(r - 1) * columns + c - 1] ?? 0) : 0;
      let value: number;
      if (type === 0) {
        value = raw;
      } else if (type === 1) {
        value = raw + left;
      } else if (type === 2) {
        value = raw + up;
      } else if (type === 3) {
        value = raw + Math.floor((left + up) / 2);
      } else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else {
        throw new Error('bad PNG row filter');
      }
      out[r * columns + c] = value & 0xff;
    }
  }
  return out;
}
