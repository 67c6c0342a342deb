import type { SignatureReport } from '../../../preload/contract/verify.ts';
import { textOf } from '../pdf/read/text.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from '../pdf/sign/fields.ts';
import { ngayBanHanhText } from '../pdf/sign/ngay-ban-hanh.ts';
import { DEFAULT_SIGNATURE_FIELD } from '../pdf/sign/sign.ts';
import type { CachedRevocation } from '../pdf/verify/revocation-cache.ts';
import { verifyPdfBytes } from '../pdf/verify/verify-document.ts';
import { chainBroken } from '../store/issuing.ts';

/**
 * What each step checks of the previous step's output, with the project's own verifier: the
 * signatures' integrity and what changed after them (DocMDP/FieldMDP), and the số/date fields'
 * values against the record. Trust and revocation are not judged here (the workstation may be
 * offline, and the recipient verifies those); a file that fails any check is refused with a
 * reason a văn thư can read, and the step writes nothing.
 */

const LEADER_FIELD = DEFAULT_SIGNATURE_FIELD.personal;
const SEAL_FIELD = DEFAULT_SIGNATURE_FIELD.organization;

export interface ChainFacts {
  readonly signatures: readonly SignatureReport[];
  /** Text fields by name: their current value ('' when empty). */
  readonly fields: ReadonlyMap<string, string>;
}

/** The number and date the record holds, which the file must carry. */
export interface RecordNumber {
  readonly soKyHieu: string | null;
  readonly ngayBanHanh: string | null;
}

/**
 * The verifier's report of each signature (integrity, coverage, DocMDP/FieldMDP, changes after)
 * and the text fields' values, from one reading of the file. `sha256`: the file's hash when the
 * caller checked it already (a stored file), so it is not hashed again.
 */
export async function readChainFacts(bytes: Uint8Array, sha256?: string): Promise<ChainFacts> {
  const entries = new Map<string, CachedRevocation>();
  const { report, model } = await verifyPdfBytes(bytes, 'van-ban', {
    anchors: [],
    offline: true,
    cache: { get: (key) => entries.get(key), put: (key, entry) => void entries.set(key, entry) },
    ...(sha256 === undefined ? {} : { sha256 }),
  });
  const fields = new Map<string, string>();
  for (const field of model.fields.values()) {
    fields.set(field.name, textOf(model.revision.resolve(field.dict.get('V'))));
  }
  return { signatures: report.signatures, fields };
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && Buffer.compare(bytes.subarray(0, prefix.length), prefix) === 0;
}

function signature(facts: ChainFacts, field: string): SignatureReport | undefined {
  return facts.signatures.find((s) => s.field === field && s.kind === 'signature');
}

/** The leader's certified signature holds: intact, DocMDP P=2, and nothing forbidden after it. */
function requireLeader(facts: ChainFacts, stage: string): void {
  const leader = signature(facts, LEADER_FIELD);
  if (leader === undefined) {
    throw chainBroken('NOT_SIGNED', 'Tệp chưa có chữ ký của lãnh đạo.', { stage });
  }
  if (leader.integrity !== 'ok' || leader.changesAfter === 'not-permitted') {
    throw chainBroken('LEADER_SIGNATURE_INVALID', 'Chữ ký của lãnh đạo không còn hợp lệ: tệp đã bị sửa sau khi ký.', {
      stage,
      integrity: leader.integrity,
      changesAfter: leader.changesAfter,
    });
  }
  if (leader.docMdp !== 2) {
    throw chainBroken(
      'NOT_CERTIFIED',
      'Chữ ký của lãnh đạo không phải chữ ký chứng thực cho phép cấp số và đóng dấu.',
      {
        stage,
        docMdp: leader.docMdp,
      },
    );
  }
}

/** The số and date in the file are the record's. */
function requireNumber(facts: ChainFacts, record: RecordNumber, stage: string): void {
  const so = (facts.fields.get(FIELD_SO_KY_HIEU) ?? '').trim();
  const ngay = (facts.fields.get(FIELD_NGAY_BAN_HANH) ?? '').trim();
  if (so === '' || ngay === '') {
    throw chainBroken('NOT_NUMBERED', 'Tệp chưa được ghi số, ký hiệu và ngày ban hành.', { stage });
  }
  if (record.soKyHieu === null || record.ngayBanHanh === null) {
    throw chainBroken('NOT_NUMBERED', 'Văn bản chưa được cấp số.', { stage });
  }
  const soInFile = so.replace(/^Số:\s*/u, '');
  if (soInFile !== record.soKyHieu) {
    throw chainBroken(
      'NUMBER_MISMATCH',
      `Số, ký hiệu trong tệp (${soInFile}) khác số của văn bản (${record.soKyHieu}).`,
      {
        stage,
        inFile: soInFile,
        inRecord: record.soKyHieu,
      },
    );
  }
  if (!ngay.endsWith(ngayBanHanhText(record.ngayBanHanh))) {
    throw chainBroken('DATE_MISMATCH', `Ngày ban hành trong tệp (${ngay}) khác ngày của văn bản.`, {
      stage,
      inFile: ngay,
      inRecord: record.ngayBanHanh,
    });
  }
}

/** Ký duyệt's input: the stored draft, with its fields and no signature yet. */
export async function checkDraft(draft: Uint8Array, sha256?: string): Promise<void> {
  const facts = await readChainFacts(draft, sha256);
  if (facts.signatures.length > 0) {
    throw chainBroken('DRAFT_SIGNED', 'Dự thảo đã có chữ ký; lãnh đạo chỉ ký dự thảo chưa ký.', { stage: 'du-thao' });
  }
  if (!facts.fields.has(FIELD_SO_KY_HIEU) || !facts.fields.has(FIELD_NGAY_BAN_HANH)) {
    throw chainBroken('DRAFT_NOT_PREPARED', 'Dự thảo chưa có ô số, ký hiệu và ngày ban hành.', { stage: 'du-thao' });
  }
}

/** Ký duyệt's output: exactly the draft, then the leader's certified signature over all of it. */
export async function checkSigned(signed: Uint8Array, draft: Uint8Array): Promise<void> {
  if (!startsWith(signed, draft)) {
    throw chainBroken('DRAFT_NOT_COVERED', 'Tệp đã ký không phải bản dự thảo đang lưu.', { stage: 'da-ky' });
  }
  const facts = await readChainFacts(signed);
  requireLeader(facts, 'da-ky');
  if (facts.signatures.length !== 1 || signature(facts, LEADER_FIELD)?.coverage !== 'whole') {
    throw chainBroken('UNEXPECTED_SIGNATURES', 'Tệp lãnh đạo ký có chữ ký hoặc thay đổi ngoài chữ ký duyệt.', {
      stage: 'da-ky',
    });
  }
}

/** Cấp số's input: the leader's signed file, unchanged since. */
export async function checkSignedInput(signed: Uint8Array, sha256?: string): Promise<void> {
  const facts = await readChainFacts(signed, sha256);
  requireLeader(facts, 'da-ky');
  if (facts.signatures.length !== 1) {
    throw chainBroken('UNEXPECTED_SIGNATURES', 'Tệp lãnh đạo ký có thêm chữ ký khác.', { stage: 'da-ky' });
  }
}

/** Cấp số's output: the signed file plus the number and date, the leader's signature still valid. */
export async function checkNumbered(numbered: Uint8Array, signed: Uint8Array, record: RecordNumber): Promise<void> {
  if (!startsWith(numbered, signed)) {
    throw chainBroken('SIGNED_NOT_COVERED', 'Tệp cấp số không được tạo từ tệp lãnh đạo đã ký.', { stage: 'da-cap-so' });
  }
  await checkNumberedInput(numbered, record);
}

/** Đóng dấu's input: numbered with the record's số and date, the leader's signature valid, no seal yet. */
export async function checkNumberedInput(numbered: Uint8Array, record: RecordNumber, sha256?: string): Promise<void> {
  const facts = await readChainFacts(numbered, sha256);
  requireLeader(facts, 'da-cap-so');
  requireNumber(facts, record, 'da-cap-so');
  if (facts.signatures.length !== 1) {
    throw chainBroken('UNEXPECTED_SIGNATURES', 'Tệp cấp số đã có chữ ký khác ngoài chữ ký của lãnh đạo.', {
      stage: 'da-cap-so',
    });
  }
}

/** Đóng dấu's output: the numbered file plus the organization's signature over all of it. */
export async function checkSealed(sealed: Uint8Array, numbered: Uint8Array, record: RecordNumber): Promise<void> {
  if (!startsWith(sealed, numbered)) {
    throw chainBroken('NUMBERED_NOT_COVERED', 'Tệp đóng dấu không được tạo từ tệp đã cấp số.', {
      stage: 'da-dong-dau',
    });
  }
  await checkSealedInput(sealed, record);
}

/** Phát hành's input: both signatures valid, the seal over the whole file, the record's number. */
export async function checkSealedInput(sealed: Uint8Array, record: RecordNumber, sha256?: string): Promise<void> {
  const facts = await readChainFacts(sealed, sha256);
  requireLeader(facts, 'da-dong-dau');
  requireNumber(facts, record, 'da-dong-dau');
  const seal = signature(facts, SEAL_FIELD);
  if (seal === undefined) {
    throw chainBroken('NOT_SEALED', 'Tệp chưa có chữ ký số của cơ quan.', { stage: 'da-dong-dau' });
  }
  if (seal.integrity !== 'ok' || seal.changesAfter !== 'none' || seal.coverage !== 'whole') {
    throw chainBroken('SEAL_INVALID', 'Chữ ký số của cơ quan không hợp lệ hoặc tệp đã bị sửa sau khi đóng dấu.', {
      stage: 'da-dong-dau',
      integrity: seal.integrity,
      changesAfter: seal.changesAfter,
    });
  }
  if (facts.signatures.length !== 2) {
    throw chainBroken('UNEXPECTED_SIGNATURES', 'Tệp đóng dấu có chữ ký ngoài chữ ký lãnh đạo và của cơ quan.', {
      stage: 'da-dong-dau',
    });
  }
}
