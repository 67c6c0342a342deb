/**
 * Deterministic mutations of a signed PDF for the fuzz test: random damage (flips, overwrites,
 * cuts, splices) and targeted damage where a verifier is most likely to trust the file
 * (ByteRange numbers, the /Contents hex, xref offsets, object headers, deep nesting).
 */
export interface Mutation {
  readonly kind: string;
  readonly bytes: Uint8Array;
}

/** mulberry32: a small seeded PRNG, so a failing mutation can be reproduced by its index. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function positionsOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0 && out.length < 64; i = text.indexOf(needle, i + 1)) {
    out.push(i);
  }
  return out;
}

export function mutate(base: Uint8Array, seed: number): Mutation {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const buf = Buffer.from(base);
  const text = buf.toString('latin1');
  const pick = (needle: string): number => {
    const all = positionsOf(text, needle);
    return all.length === 0 ? int(buf.length) : (all[int(all.length)] as number);
  };
  const kinds = [
    'flip',
    'overwrite',
    'truncate',
    'delete',
    'duplicate',
    'byterange',
    'contents',
    'xref',
    'objheader',
    'nesting',
    'length',
    'startxref',
  ] as const;
  const kind = kinds[seed % kinds.length] as (typeof kinds)[number];
  switch (kind) {
    case 'flip': {
      const copy = Buffer.from(buf);
      for (let i = 0, n = 1 + int(8); i < n; i++) {
        const at = int(copy.length);
        copy[at] = (copy[at] ?? 0) ^ (1 << int(8));
      }
      return { kind, bytes: copy };
    }
    case 'overwrite': {
      const copy = Buffer.from(buf);
      const at = int(copy.length);
      for (let i = 0, n = 1 + int(256); i < n && at + i < copy.length; i++) {
        copy[at + i] = int(256);
      }
      return { kind, bytes: copy };
    }
    case 'truncate':
      return { kind, bytes: buf.subarray(0, int(buf.length)) };
    case 'delete': {
      const at = int(buf.length);
      return { kind, bytes: Buffer.concat([buf.subarray(0, at), buf.subarray(at + 1 + int(2048))]) };
    }
    case 'duplicate': {
      const at = int(buf.length);
      const piece = buf.subarray(at, at + 1 + int(4096));
      const to = int(buf.length);
      return { kind, bytes: Buffer.concat([buf.subarray(0, to), piece, buf.subarray(to)]) };
    }
    case 'byterange': {
      const at = pick('/ByteRange');
      const numbers = ['0', '-5', '99999999999', String(int(buf.length)), String(buf.length), '1e9'];
      const replaced = text.slice(at, at + 80).replace(/\d+/, numbers[int(numbers.length)] as string);
      return { kind, bytes: Buffer.from(text.slice(0, at) + replaced + text.slice(at + 80), 'latin1') };
    }
    case 'contents': {
      const at = pick('/Contents') + 12 + int(400);
      const copy = Buffer.from(buf);
      copy[at] = '0123456789abcdefXZ< >'.charCodeAt(int(21));
      return { kind, bytes: copy };
    }
    case 'xref': {
      const at = pick('xref') + 5 + int(200);
      const copy = Buffer.from(buf);
      copy[at] = '0123456789 nf\n'.charCodeAt(int(14));
      return { kind, bytes: copy };
    }
    case 'objheader': {
      const at = pick(' obj');
      const junk = ['', ' 0 R', 'endobj', ' 999999999 0 obj', '<<'][int(5)] as string;
      return { kind, bytes: Buffer.from(text.slice(0, at) + junk + text.slice(at + 4), 'latin1') };
    }
    case 'nesting': {
      const at = pick('<<');
      const deep = (rand() < 0.5 ? '[' : '<<').repeat(5000 + int(50_000));
      return { kind, bytes: Buffer.from(text.slice(0, at) + deep + text.slice(at), 'latin1') };
    }
    case 'length': {
      const at = pick('/Length');
      const value = ['-1', '999999999', '0', '/Length', '12 0 R'][int(5)] as string;
      return {
        kind,
        bytes: Buffer.from(text.slice(0, at + 7) + ` ${value}` + text.slice(at + 7).replace(/^\s*\d+/, ''), 'latin1'),
      };
    }
    case 'startxref': {
      const at = pick('startxref');
      const value = String([0, buf.length, buf.length * 2, int(buf.length)][int(4)]);
      return {
        kind,
        bytes: Buffer.from(text.slice(0, at + 9) + `\n${value}` + text.slice(at + 9).replace(/^\s*\d+/, ''), 'latin1'),
      };
    }
  }
}
