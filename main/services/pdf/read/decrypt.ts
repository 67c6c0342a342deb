import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { PdfDict, PdfStream, PdfString, isArray, type PdfValue } from './values.ts';

/**
 * The standard security handler (ISO 32000-2 §7.6.4), for the one case a verifier can handle
 * alone: a file encrypted with an empty user password (permissions only), which every viewer
 * opens without asking. Strings and streams are decrypted; nothing is ever encrypted.
 */
export type Security =
  | { readonly kind: 'open'; readonly decrypt: (value: PdfValue, num: number, gen: number) => PdfValue }
  | { readonly kind: 'password' | 'unsupported' };

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function md5(...parts: Uint8Array[]): Buffer {
  const hash = createHash('md5');
  for (const part of parts) {
    hash.update(part);
  }
  return hash.digest();
}

/** RC4 by hand: OpenSSL 3 moved it to the legacy provider, which Node does not load. */
function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    s[i] = i;
  }
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + (s[i] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[k] = (data[k] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

function aesCbc(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32 || data.length % 16 !== 0) {
    return data.length === 16 ? new Uint8Array(0) : data; // an IV alone is the empty string
  }
  try {
    const decipher = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16));
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
  } catch {
    return data; // bad padding: leave the bytes as they are rather than invent text
  }
}

function bytesOf(value: PdfValue | undefined): Uint8Array | undefined {
  return value instanceof PdfString ? value.bytes : undefined;
}

/** Algorithm 2.B (revision 6): the hardened hash of a password. */
function hash2B(password: Uint8Array, salt: Uint8Array, userKey: Uint8Array): Buffer {
  let k = createHash('sha256').update(password).update(salt).update(userKey).digest();
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k, userKey])));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) {
      sum += e[i] as number;
    }
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3] as string)
      .update(e)
      .digest();
    if (round >= 63 && (e[e.length - 1] as number) <= round - 31) {
      return k.subarray(0, 32);
    }
  }
}

type Method = 'none' | 'rc4' | 'aes';

function methodOf(encrypt: PdfDict, filterKey: 'StmF' | 'StrF', v: number): Method {
  if (v < 4) {
    return 'rc4';
  }
  const name = encrypt.name(filterKey) ?? 'Identity';
  if (name === 'Identity') {
    return 'none';
  }
  const filters = encrypt.get('CF');
  const filter = filters instanceof PdfDict ? filters.get(name) : undefined;
  const cfm = filter instanceof PdfDict ? filter.name('CFM') : undefined;
  return cfm === 'V2' ? 'rc4' : cfm === 'AESV2' || cfm === 'AESV3' ? 'aes' : cfm === 'None' ? 'none' : 'aes';
}

/** The file key for the empty user password, or null when the file needs a real password. */
function fileKey(encrypt: PdfDict, firstId: Uint8Array): Buffer | null {
  const r = encrypt.get('R');
  const o = bytesOf(encrypt.get('O'));
  const u = bytesOf(encrypt.get('U'));
  if (typeof r !== 'number' || o === undefined || u === undefined) {
    return null;
  }
  if (r >= 5) {
    const ue = bytesOf(encrypt.get('UE'));
    if (u.length < 48 || ue === undefined || ue.length < 32) {
      return null;
    }
    const empty = new Uint8Array(0);
    const check =
      r === 5 ? createHash('sha256').update(u.subarray(32, 40)).digest() : hash2B(empty, u.subarray(32, 40), empty);
    if (!check.equals(u.subarray(0, 32))) {
      return null;
    }
    const intermediate =
      r === 5 ? createHash('sha256').update(u.subarray(40, 48)).digest() : hash2B(empty, u.subarray(40, 48), empty);
    const decipher = createDecipheriv('aes-256-cbc', intermediate, Buffer.alloc(16)).setAutoPadding(false);
    return Buffer.concat([decipher.update(ue.subarray(0, 32)), decipher.final()]);
  }
  const lengthBits = encrypt.get('Length');
  const n = r === 2 ? 5 : Math.min(16, Math.max(5, (typeof lengthBits === 'number' ? lengthBits : 40) / 8));
  const p = Buffer.alloc(4);
  p.writeInt32LE(Number(encrypt.get('P') ?? 0) | 0);
  const noMetadata =
    r >= 4 && encrypt.get('EncryptMetadata') === false ? Buffer.from([255, 255, 255, 255]) : Buffer.alloc(0);
  let key = md5(PAD, o.subarray(0, 32), p, firstId, noMetadata).subarray(0, n);
  if (r >= 3) {
    for (let i = 0; i < 50; i++) {
      key = md5(key).subarray(0, n);
    }
  }
  // Algorithm 6: the empty password is right when it reproduces /U.
  if (r === 2) {
    return rc4(key, PAD).equals(Buffer.from(u.subarray(0, 32))) ? key : null;
  }
  let check = rc4(key, md5(PAD, firstId));
  for (let i = 1; i <= 19; i++) {
    check = rc4(
      key.map((b) => b ^ i),
      check,
    );
  }
  return check.equals(Buffer.from(u.subarray(0, 16))) ? key : null;
}

/** The security of a file whose trailer has /Encrypt (`encrypt` resolved, `id` the trailer's /ID). */
export function openSecurity(encrypt: PdfDict | undefined, id: PdfValue | undefined): Security {
  if (encrypt === undefined || encrypt.name('Filter') !== 'Standard') {
    return { kind: 'unsupported' };
  }
  const v = encrypt.get('V');
  const version = typeof v === 'number' ? v : 0;
  const firstId = isArray(id) ? bytesOf(id[0]) : undefined;
  const key = fileKey(encrypt, firstId ?? new Uint8Array(0));
  if (key === null) {
    return { kind: 'password' };
  }
  const strings = methodOf(encrypt, 'StrF', version);
  const streams = methodOf(encrypt, 'StmF', version);
  const objectKey = (num: number, gen: number, method: Method): Uint8Array => {
    if (version >= 5) {
      return key;
    }
    const extra = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255]);
    const salt = method === 'aes' ? Buffer.from('sAlT', 'latin1') : Buffer.alloc(0);
    return md5(key, extra, salt).subarray(0, Math.min(key.length + 5, 16));
  };
  const run = (method: Method, data: Uint8Array, num: number, gen: number): Uint8Array =>
    method === 'none'
      ? data
      : method === 'rc4'
        ? rc4(objectKey(num, gen, method), data)
        : aesCbc(objectKey(num, gen, method), data);
  const walk = (value: PdfValue, num: number, gen: number, depth: number): PdfValue => {
    if (value instanceof PdfString) {
      return new PdfString(run(strings, value.bytes, num, gen), value.hex);
    }
    if (depth > 64) {
      return value;
    }
    if (isArray(value)) {
      return value.map((item) => walk(item, num, gen, depth + 1));
    }
    if (value instanceof PdfStream) {
      const dict = walk(value.dict, num, gen, depth + 1) as PdfDict;
      // Cross-reference streams are never encrypted (§7.5.8.2).
      return value.dict.name('Type') === 'XRef' ? value : new PdfStream(dict, run(streams, value.data, num, gen));
    }
    if (value instanceof PdfDict) {
      // A signature's /Contents is written after encryption would apply, so it stays plain (§7.6.2).
      const keepContents = value.has('ByteRange');
      const map = new Map<string, PdfValue>();
      for (const [k, item] of value.map) {
        map.set(k, keepContents && k === 'Contents' ? item : walk(item, num, gen, depth + 1));
      }
      return new PdfDict(map);
    }
    return value;
  };
  return { kind: 'open', decrypt: (value, num, gen) => walk(value, num, gen, 0) };
}
