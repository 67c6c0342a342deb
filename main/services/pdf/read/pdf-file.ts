import { decodeStructural } from './decode.ts';
import { openSecurity, type Security } from './decrypt.ts';
import { ObjectParser, PdfSyntaxError } from './parse-object.ts';
import { findStartXref, readXrefChain, reconstructXref, type XrefEntry, type XrefIndex } from './xref.ts';
import { PdfDict, PdfRef, PdfStream, PdfString, dictOf, isArray, type PdfValue } from './values.ts';

interface Parsed {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfValue;
  /** Where the object's bytes end: a revision ending before that must parse it itself. */
  readonly end: number;
}

interface ObjectStream {
  readonly data: Uint8Array;
  readonly numbers: readonly number[];
  readonly offsets: readonly number[];
}

/** Some keys of a plain dictionary object, read without building the rest (see ObjectParser.dictKeys). */
interface Skim {
  readonly num: number;
  readonly end: number;
  readonly keys: readonly string[];
  readonly dict: PdfDict;
}

const MAX_REF_CHAIN = 32;

/**
 * One PDF file read lazily: nothing is parsed until a revision asks for an object, and what is
 * parsed is kept for every revision of the file (an object unchanged by an update is the same
 * bytes at the same offset, so it is the same value). Values hold no context; references are
 * resolved by the revision that asks.
 */
export class PdfFile {
  readonly bytes: Uint8Array;
  /** Parsed objects by offset; a failure is kept with the prefix length it failed within. */
  private readonly byOffset = new Map<number, Parsed | { readonly failedWithin: number }>();
  private readonly objectStreams = new Map<number, ObjectStream | null>();
  private readonly members = new Map<string, PdfValue | null>();
  private readonly decrypted = new Map<number, PdfValue>();
  private readonly skims = new Map<number, Skim>();
  private security: Security | undefined;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /**
   * The file as it was when its first `end` bytes were all of it. Its cross-reference data is
   * read from the startxref there; if that is damaged, objects are found by scanning instead.
   */
  revision(end: number = this.bytes.length): Revision {
    const prefix = this.bytes.subarray(0, end);
    const startXref = findStartXref(prefix);
    let index: XrefIndex;
    try {
      if (startXref === undefined) {
        throw new PdfSyntaxError('no startxref');
      }
      // A prefix cut inside an update (a signature covering part of one) has no cross-reference
      // data of its own; the last startxref in it would describe an older revision.
      if (end < this.bytes.length && !endsWithEof(prefix)) {
        throw new PdfSyntaxError('prefix does not end a revision');
      }
      index = readXrefChain(prefix, startXref);
    } catch {
      index = reconstructXref(prefix);
    }
    return new Revision(this, end, index);
  }

  /** @internal The object at `offset` as seen by a revision of `end` bytes. */
  parseAt(offset: number, end: number, resolveLength: (ref: PdfRef) => number | undefined): Parsed | null {
    const known = this.byOffset.get(offset);
    if (known !== undefined) {
      if ('failedWithin' in known) {
        // Failed within a shorter prefix: a longer one may hold the rest of the object.
        if (known.failedWithin >= end) {
          return null;
        }
      } else if (known.end <= end) {
        return known;
      }
    }
    const parsed = this.parse(offset, end, resolveLength);
    // A success read within a longer prefix is never replaced by a shorter prefix's reading.
    if (known === undefined || 'failedWithin' in known) {
      this.byOffset.set(offset, parsed ?? { failedWithin: end });
    }
    return parsed;
  }

  private parse(offset: number, end: number, resolveLength: (ref: PdfRef) => number | undefined): Parsed | null {
    try {
      const parser = new ObjectParser(this.bytes.subarray(0, end), offset, resolveLength);
      const [num, gen] = parser.objectHeader();
      const value = parser.value();
      return { num, gen, value, end: parser.pos };
    } catch {
      return null;
    }
  }

  /**
   * @internal Only `keys` of the plain dictionary object `num` at `offset`, or undefined when
   * it must be read whole (not a plain dictionary, or unreadable). A whole reading already made
   * is used as it is.
   */
  skimAt(offset: number, end: number, num: number, keys: readonly string[]): PdfDict | undefined {
    const known = this.byOffset.get(offset);
    if (known !== undefined && !('failedWithin' in known) && known.end <= end) {
      return known.num === num && known.value instanceof PdfDict ? known.value : undefined;
    }
    // Every revision walks the same pages, and the use index asks for fewer keys than the walk:
    // a skim is kept as a whole reading is, and serves any request for keys it has read.
    const skimmed = this.skims.get(offset);
    if (skimmed !== undefined && skimmed.end <= end && keys.every((k) => skimmed.keys.includes(k))) {
      return skimmed.num === num ? skimmed.dict : undefined;
    }
    const wanted = skimmed === undefined ? keys : [...new Set([...skimmed.keys, ...keys])];
    try {
      const parser = new ObjectParser(this.bytes.subarray(0, end), offset);
      const [n] = parser.objectHeader();
      const dict = parser.dictKeys(wanted);
      if (dict === null) {
        return undefined;
      }
      this.skims.set(offset, { num: n, end: parser.pos, keys: wanted, dict });
      return n === num ? dict : undefined;
    } catch {
      return undefined;
    }
  }

  /** @internal The file's security handler, worked out once from the first revision that has /Encrypt. */
  securityOf(revision: Revision): Security | null {
    const encrypt = revision.trailer.get('Encrypt');
    if (encrypt === undefined || encrypt === null) {
      return null;
    }
    this.security ??= openSecurity(dictOf(revision.resolvePlain(encrypt)), revision.trailer.get('ID'));
    return this.security;
  }

  /** @internal The decrypted value of the object at `offset` (strings and streams in the clear). */
  decryptAt(offset: number, parsed: Parsed, security: Security): PdfValue | null {
    if (security.kind !== 'open') {
      return parsed.value instanceof PdfStream || containsString(parsed.value) ? null : parsed.value;
    }
    let value = this.decrypted.get(offset);
    if (value === undefined) {
      value = security.decrypt(parsed.value, parsed.num, parsed.gen);
      this.decrypted.set(offset, value);
    }
    return value;
  }

  /** @internal Member `index` of the object stream at `offset` (expected to be object `num`). */
  member(container: PdfStream, offset: number, index: number, num: number): PdfValue | null {
    const key = `${offset}:${index}`;
    const known = this.members.get(key);
    if (known !== undefined) {
      return known;
    }
    let stream = this.objectStreams.get(offset);
    if (stream === undefined) {
      stream = readObjectStream(container);
      this.objectStreams.set(offset, stream);
    }
    let value: PdfValue | null = null;
    const at = stream?.offsets[index];
    if (stream !== null && at !== undefined && stream.numbers[index] === num) {
      try {
        value = new ObjectParser(stream.data, at).value();
      } catch {
        value = null;
      }
    }
    this.members.set(key, value);
    return value;
  }
}

function containsString(value: PdfValue, depth = 0): boolean {
  if (value instanceof PdfString) {
    return true;
  }
  if (depth > 64) {
    return false;
  }
  if (isArray(value)) {
    return value.some((item) => containsString(item, depth + 1));
  }
  return value instanceof PdfDict && [...value.map.values()].some((item) => containsString(item, depth + 1));
}

function endsWithEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64))).toString('latin1');
  return /%%EOF\s*$/.test(tail);
}

function readObjectStream(container: PdfStream): ObjectStream | null {
  try {
    const data = decodeStructural(container);
    const first = container.dict.get('First');
    const n = container.dict.get('N');
    if (typeof first !== 'number' || typeof n !== 'number' || first < 0 || first > data.length) {
      return null;
    }
    const header = new ObjectParser(data.subarray(0, first), 0);
    const numbers: number[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < n; i++) {
      const num = header.value();
      const off = header.value();
      if (typeof num !== 'number' || typeof off !== 'number') {
        return null;
      }
      numbers.push(num);
      offsets.push(first + off);
    }
    return { data, numbers, offsets };
  } catch {
    return null;
  }
}

function sameEntry(a: XrefEntry, b: XrefEntry): boolean {
  return a.kind === 'at'
    ? b.kind === 'at' && a.offset === b.offset && a.gen === b.gen
    : b.kind === 'in' && a.stream === b.stream && a.index === b.index;
}

/** One revision of a file: its objects as its cross-reference data says. */
export class Revision {
  readonly file: PdfFile;
  readonly end: number;
  readonly trailer: PdfDict;
  readonly reconstructed: boolean;
  /** Object numbers the cross-reference data lists but whose bytes could not be read. */
  readonly unreadable = new Set<number>();
  /**
   * null: not encrypted. 'open': encrypted with an empty user password, read in the clear.
   * 'password'/'unsupported': strings and streams cannot be read, so those objects are unreadable.
   */
  readonly security: Security | null;
  private readonly entries: ReadonlyMap<number, XrefEntry | null>;
  private readonly resolving = new Set<number>();
  private readonly encryptNum: number | undefined;
  private plain = false;
  private readonly resolveLength = (ref: PdfRef): number | undefined => {
    const value = this.lookup(ref);
    return typeof value === 'number' ? value : undefined;
  };

  constructor(file: PdfFile, end: number, index: XrefIndex) {
    this.file = file;
    this.end = end;
    this.trailer = index.trailer;
    this.reconstructed = index.reconstructed;
    this.entries = index.entries;
    const encrypt = index.trailer.get('Encrypt');
    this.encryptNum = encrypt instanceof PdfRef ? encrypt.num : undefined;
    this.security = file.securityOf(this);
  }

  /** @internal A value resolved without decryption (only for the /Encrypt dictionary itself). */
  resolvePlain(value: PdfValue): PdfValue | undefined {
    this.plain = true;
    try {
      return this.resolve(value);
    } finally {
      this.plain = false;
    }
  }

  /** Every object in use in this revision, with the generation its entry gives. */
  refs(): PdfRef[] {
    const out: PdfRef[] = [];
    for (const [num, entry] of this.entries) {
      if (entry !== null) {
        out.push(new PdfRef(num, entry.kind === 'at' ? entry.gen : 0));
      }
    }
    return out;
  }

  has(num: number): boolean {
    const entry = this.entries.get(num);
    return entry !== undefined && entry !== null;
  }

  /** "n g R" for an object of this revision, with its entry's generation. */
  keyOf(ref: PdfRef): string {
    const entry = this.entries.get(ref.num);
    return `${ref.num} ${entry?.kind === 'at' ? entry.gen : ref.num === 0 ? 65535 : 0} R`;
  }

  /**
   * The object `ref` names, or undefined when it is free, missing or unreadable (recorded in
   * `unreadable`). Generations are not matched: writers get them wrong and viewers ignore them.
   */
  lookup(ref: PdfRef | number): PdfValue | undefined {
    const num = typeof ref === 'number' ? ref : ref.num;
    const entry = this.entries.get(num);
    if (entry === undefined || entry === null || this.resolving.has(num)) {
      return undefined;
    }
    this.resolving.add(num);
    try {
      const value = this.read(num, entry);
      if (value === null) {
        this.unreadable.add(num);
        return undefined;
      }
      return value;
    } finally {
      this.resolving.delete(num);
    }
  }

  private read(num: number, entry: XrefEntry): PdfValue | null {
    if (entry.kind === 'at') {
      if (entry.offset <= 0 || entry.offset >= this.end) {
        return null;
      }
      const parsed = this.file.parseAt(entry.offset, this.end, this.resolveLength);
      if (parsed === null || parsed.num !== num) {
        return null;
      }
      // The /Encrypt dictionary itself is never encrypted.
      const security = this.plain || num === this.encryptNum ? null : this.security;
      return security === null || security === undefined
        ? parsed.value
        : this.file.decryptAt(entry.offset, parsed, security);
    }
    const containerEntry = this.entries.get(entry.stream);
    if (containerEntry === undefined || containerEntry === null || containerEntry.kind !== 'at') {
      return null;
    }
    const container = this.lookup(entry.stream);
    if (!(container instanceof PdfStream)) {
      return null;
    }
    return this.file.member(container, containerEntry.offset, entry.index, num);
  }

  /**
   * Object numbers whose cross-reference entry differs from `earlier`'s: everything an update
   * between the two revisions added, moved or rewrote, including members of a rewritten object
   * stream. Objects whose entry is unchanged are the same bytes, so nothing else can differ.
   */
  changedSince(earlier: Revision): number[] {
    const out: number[] = [];
    for (const [num, entry] of this.entries) {
      if (entry === null) {
        continue;
      }
      const before = earlier.entries.get(num);
      if (before === undefined || before === null || !sameEntry(entry, before)) {
        out.push(num);
      } else if (entry.kind === 'in') {
        const container = this.entries.get(entry.stream);
        const containerBefore = earlier.entries.get(entry.stream);
        if (
          container === undefined ||
          container === null ||
          containerBefore === undefined ||
          containerBefore === null ||
          !sameEntry(container, containerBefore)
        ) {
          out.push(num);
        }
      }
    }
    return out;
  }

  /**
   * The dictionary a value is or points to, with at least `keys` read: a plain dictionary of an
   * unencrypted file at an offset is skimmed for them (see ObjectParser.dictKeys); anything else
   * is read whole, as `dict` does.
   */
  dictWith(value: PdfValue | undefined, keys: readonly string[]): PdfDict | undefined {
    if (!(value instanceof PdfRef) || this.security !== null || this.resolving.has(value.num)) {
      return this.dict(value);
    }
    const entry = this.entries.get(value.num);
    if (entry === undefined || entry === null || entry.kind !== 'at' || entry.offset <= 0 || entry.offset >= this.end) {
      return this.dict(value);
    }
    return this.file.skimAt(entry.offset, this.end, value.num, keys) ?? this.dict(value);
  }

  /** A value with references followed (a short chain at most: loops end as undefined). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let i = 0; i < MAX_REF_CHAIN && current instanceof PdfRef; i++) {
      current = this.lookup(current);
    }
    return current instanceof PdfRef ? undefined : current;
  }

  /** The dictionary a value is or points to (a stream's dictionary included). */
  dict(value: PdfValue | undefined): PdfDict | undefined {
    return dictOf(this.resolve(value));
  }

  /** `dict[key]` resolved. */
  get(dict: PdfDict | undefined, key: string): PdfValue | undefined {
    return dict === undefined ? undefined : this.resolve(dict.get(key));
  }

  catalog(): PdfDict | undefined {
    return this.dict(this.trailer.get('Root'));
  }
}
