import type { DocumentSpec, GeneratedDocument } from './spec.ts';
import { writeDocument } from './write-document.ts';

/**
 * One ND30 Quyết định of a provincial People's Committee, signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
 * with the Vietnamese text in embedded Liberation Serif. For signing and verification tests
 * that need a realistic unsigned document; `overrides` varies it.
 */
export const QUYET_DINH: DocumentSpec = {
  id: 'qd-kt-1',
  tenLoai: 'QUYẾT ĐỊNH',
  coQuanBanHanh: 'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
  soKyHieu: '15/QĐ-UBND',
  diaDanhNgay: 'Bắc Ninh, ngày 22 tháng 11 năm 2026',
  trichYeu: 'Về việc phê duyệt kế hoạch chuyển đổi số trong công tác văn thư năm 2027',
  paragraphs: [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;',
    'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
    'Theo đề nghị của Giám đốc Sở Nội vụ.',
    'Điều 1. Phê duyệt kế hoạch chuyển đổi số trong công tác văn thư năm 2027 kèm theo Quyết định này.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.',
  ],
  signers: [{ titleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Thị Loan' }],
};

export function makeDocument(overrides: Partial<DocumentSpec> = {}): Promise<GeneratedDocument> {
  return writeDocument({ ...QUYET_DINH, ...overrides });
}
