import type { Rect } from '../../../main/services/pdf/placement.ts';

/** One signer block: authority lines (quyền hạn, chức vụ) in capitals, then the name. */
export interface SignerBlockSpec {
  /** e.g. ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] */
  readonly titleLines: readonly string[];
  readonly name: string;
}

export type TenLoai = 'QUYẾT ĐỊNH' | 'CÔNG VĂN' | 'TỜ TRÌNH' | 'THÔNG BÁO' | 'GIẤY MỜI';

/** What one generated test document says; the writer turns it into an ND30-shaped PDF. */
export interface DocumentSpec {
  readonly id: string;
  readonly tenLoai: TenLoai;
  readonly coQuanChuQuan?: string;
  readonly coQuanBanHanh: string;
  readonly soKyHieu: string;
  readonly diaDanhNgay: string;
  readonly trichYeu: string;
  readonly paragraphs: readonly string[];
  /** One block (right column) or two (joint document: left and right columns). */
  readonly signers: readonly SignerBlockSpec[];
  /** /Rotate of every page; the content is drawn so that it reads upright. */
  readonly rotation?: 0 | 90 | 180 | 270;
  /** Blank lines of body text added to push the signer block to a later page. */
  readonly extraParagraphs?: number;
  /** Phụ lục pages after the signature (same file), so the block is not on the last page. */
  readonly appendixPages?: number;
  /**
   * Width of the header's right column (points): the date line wraps inside it, as in a
   * LibreOffice export of a .docx whose header table has a narrow cell. Unset: one line.
   */
  readonly dateColumnWidth?: number;
  /** Draw each date line as two runs (the place, the rest), as word processors split styled text. */
  readonly dateRuns?: boolean;
}

/** Where the writer put a signer block (user space of its page), for checking placements. */
export interface SignerBlockTruth {
  readonly pageIndex: number;
  /** The last title line (chức vụ) and the name line. */
  readonly titleLine: Rect;
  readonly nameLine: Rect;
}

export interface DocumentTruth {
  readonly pageCount: number;
  readonly soLine: Rect;
  /** The whole date, all its lines when it wraps. */
  readonly dateLine: Rect;
  readonly signerBlocks: readonly SignerBlockTruth[];
}

export interface GeneratedDocument {
  readonly spec: DocumentSpec;
  readonly bytes: Uint8Array;
  readonly truth: DocumentTruth;
}
