import { QUYET_DINH } from './make-document.ts';
import type { DocumentSpec, SignerBlockSpec } from './spec.ts';

/** Signer blocks seen in provincial practice (ND30 Phụ lục I, II.7.b). */
const KT_CHU_TICH: SignerBlockSpec = {
  titleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  name: 'Nguyễn Thị Loan',
};
const TM_CHU_TICH: SignerBlockSpec = { titleLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Trần Quốc Hùng' };
const GIAM_DOC: SignerBlockSpec = { titleLines: ['GIÁM ĐỐC'], name: 'Lê Văn Thành' };
const KT_GIAM_DOC: SignerBlockSpec = { titleLines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Phạm Thị Thu Hà' };
const Q_GIAM_DOC: SignerBlockSpec = { titleLines: ['Q. GIÁM ĐỐC'], name: 'Đỗ Minh Tuấn' };
const TL_CHU_TICH: SignerBlockSpec = { titleLines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Hoàng Văn Nam' };
const TUQ_CHU_TICH: SignerBlockSpec = { titleLines: ['TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ NỘI VỤ'], name: 'Vũ Thị Ngọc Ánh' };
const GD_TAI_CHINH: SignerBlockSpec = { titleLines: ['GIÁM ĐỐC', 'SỞ TÀI CHÍNH'], name: 'Trương Văn Bình' };
const GD_NOI_VU: SignerBlockSpec = { titleLines: ['GIÁM ĐỐC', 'SỞ NỘI VỤ'], name: 'Lê Thị Hoa' };
const TM_BTV: SignerBlockSpec = { titleLines: ['TM. BAN THƯỜNG VỤ', 'BÍ THƯ'], name: 'Ngô Văn Lực' };
const TM_UBND_HUYEN: SignerBlockSpec = {
  titleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  name: 'Đinh Công Sơn',
};

const KT_CHI_HUY: SignerBlockSpec = {
  titleLines: ['KT. CHỈ HUY TRƯỞNG', 'PHÓ CHỈ HUY TRƯỞNG'],
  name: 'Đại tá Nguyễn Văn An',
};
const GD_CAPITALS: SignerBlockSpec = { titleLines: ['GIÁM ĐỐC'], name: 'TRẦN THỊ MAI' };

const SO = { coQuanChuQuan: 'UBND TỈNH BẮC NINH', coQuanBanHanh: 'SỞ NỘI VỤ' } as const;
const BODY = [
  'Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, Sở Nội vụ đề nghị các cơ quan, đơn vị triển khai các nội dung sau:',
  '1. Rà soát danh mục hồ sơ, sổ đăng ký văn bản đi, văn bản đến năm 2026; hoàn thành trước ngày 15 tháng 12 năm 2026.',
  '2. Sử dụng chữ ký số chuyên dùng công vụ đối với văn bản điện tử phát hành trên Hệ thống quản lý văn bản và điều hành.',
];

/** The pdf-lib part of the corpus: every tên loại, authority, one and two signers, pages, rotation. */
export const CATALOG: readonly DocumentSpec[] = [
  QUYET_DINH,
  { ...QUYET_DINH, id: 'qd-tm-1', soKyHieu: '102/QĐ-UBND', signers: [TM_CHU_TICH] },
  { ...QUYET_DINH, id: 'qd-tuq-1', soKyHieu: '07/QĐ-UBND', signers: [TUQ_CHU_TICH] },
  {
    ...QUYET_DINH,
    id: 'qd-lien-tich-2',
    coQuanChuQuan: 'UBND TỈNH BẮC NINH',
    coQuanBanHanh: 'SỞ TÀI CHÍNH - SỞ NỘI VỤ',
    soKyHieu: '03/QĐLT-STC-SNV',
    signers: [GD_TAI_CHINH, GD_NOI_VU],
  },
  { ...QUYET_DINH, id: 'qd-kt-trang3', extraParagraphs: 45 },
  { ...QUYET_DINH, id: 'qd-kt-xoay90', rotation: 90 },
  { ...QUYET_DINH, id: 'qd-tm-xoay90-trang2', rotation: 90, signers: [TM_CHU_TICH], extraParagraphs: 22 },
  {
    ...SO,
    id: 'cv-gd-1',
    tenLoai: 'CÔNG VĂN',
    soKyHieu: '215/SNV-VP',
    diaDanhNgay: 'Bắc Ninh, ngày 03 tháng 11 năm 2026',
    trichYeu: 'triển khai công tác văn thư điện tử',
    paragraphs: BODY,
    signers: [GIAM_DOC],
  },
  {
    ...SO,
    id: 'cv-kt-1',
    tenLoai: 'CÔNG VĂN',
    soKyHieu: '216/SNV-CCVTLT',
    diaDanhNgay: 'Bắc Ninh, ngày 04 tháng 11 năm 2026',
    trichYeu: 'hướng dẫn lập hồ sơ điện tử',
    paragraphs: BODY,
    signers: [KT_GIAM_DOC],
  },
  {
    ...SO,
    id: 'cv-q-trang2',
    tenLoai: 'CÔNG VĂN',
    soKyHieu: '220/SNV-VP',
    diaDanhNgay: 'Bắc Ninh, ngày 10 tháng 11 năm 2026',
    trichYeu: 'báo cáo số liệu năm 2026',
    paragraphs: BODY,
    signers: [Q_GIAM_DOC],
    extraParagraphs: 24,
  },
  {
    ...SO,
    id: 'cv-gd-xoay270',
    tenLoai: 'CÔNG VĂN',
    soKyHieu: '221/SNV-VP',
    diaDanhNgay: 'Bắc Ninh, ngày 11 tháng 11 năm 2026',
    trichYeu: 'cử cán bộ dự tập huấn',
    paragraphs: BODY,
    signers: [GIAM_DOC],
    rotation: 270,
  },
  {
    id: 'tt-tm-1',
    tenLoai: 'TỜ TRÌNH',
    coQuanChuQuan: 'UBND TỈNH BẮC NINH',
    coQuanBanHanh: 'UBND HUYỆN GIA BÌNH',
    soKyHieu: '45/TTr-UBND',
    diaDanhNgay: 'Gia Bình, ngày 05 tháng 11 năm 2026',
    trichYeu: 'Đề nghị phê duyệt dự toán kinh phí số hóa tài liệu lưu trữ',
    paragraphs: BODY,
    signers: [TM_UBND_HUYEN],
  },
  {
    id: 'tt-kt-xoay180',
    tenLoai: 'TỜ TRÌNH',
    coQuanBanHanh: 'SỞ TÀI CHÍNH',
    soKyHieu: '12/TTr-STC',
    diaDanhNgay: 'Bắc Ninh, ngày 06 tháng 11 năm 2026',
    trichYeu: 'Về việc bổ sung kinh phí chuyển đổi số',
    paragraphs: BODY,
    signers: [KT_GIAM_DOC],
    rotation: 180,
  },
  {
    id: 'tb-tl-1',
    tenLoai: 'THÔNG BÁO',
    coQuanBanHanh: 'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
    soKyHieu: '88/TB-UBND',
    diaDanhNgay: 'Bắc Ninh, ngày 07 tháng 11 năm 2026',
    trichYeu: 'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp giao ban',
    paragraphs: BODY,
    signers: [TL_CHU_TICH],
  },
  {
    id: 'tb-btv-2',
    tenLoai: 'THÔNG BÁO',
    coQuanChuQuan: 'ĐẢNG BỘ TỈNH BẮC NINH',
    coQuanBanHanh: 'HUYỆN ỦY GIA BÌNH',
    soKyHieu: '15-TB/HU',
    diaDanhNgay: 'Gia Bình, ngày 08 tháng 11 năm 2026',
    trichYeu: 'Về việc phân công nhiệm vụ',
    paragraphs: BODY,
    signers: [TM_BTV, TM_UBND_HUYEN],
  },
  {
    id: 'tb-kt-trang2',
    tenLoai: 'THÔNG BÁO',
    coQuanBanHanh: 'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
    soKyHieu: '90/TB-UBND',
    diaDanhNgay: 'Bắc Ninh, ngày 09 tháng 11 năm 2026',
    trichYeu: 'Lịch công tác tháng 12 năm 2026',
    paragraphs: BODY,
    signers: [KT_CHU_TICH],
    extraParagraphs: 26,
  },
  {
    ...SO,
    id: 'gm-kt-1',
    tenLoai: 'GIẤY MỜI',
    soKyHieu: '30/GM-SNV',
    diaDanhNgay: 'Bắc Ninh, ngày 12 tháng 11 năm 2026',
    trichYeu: 'Dự hội nghị tập huấn công tác văn thư, lưu trữ năm 2026',
    paragraphs: BODY.slice(0, 2),
    signers: [KT_GIAM_DOC],
  },
  {
    ...SO,
    id: 'gm-gd-xoay90',
    tenLoai: 'GIẤY MỜI',
    soKyHieu: '31/GM-SNV',
    diaDanhNgay: 'Bắc Ninh, ngày 13 tháng 11 năm 2026',
    trichYeu: 'Dự họp triển khai phần mềm Văn thư số',
    paragraphs: BODY.slice(0, 1),
    signers: [GIAM_DOC],
    rotation: 90,
  },
  {
    ...SO,
    id: 'gm-lien-2',
    tenLoai: 'GIẤY MỜI',
    soKyHieu: '32/GM-STC-SNV',
    diaDanhNgay: 'Bắc Ninh, ngày 14 tháng 11 năm 2026',
    trichYeu: 'Dự hội nghị liên ngành về tài chính công',
    paragraphs: BODY.slice(0, 2),
    signers: [GD_TAI_CHINH, GD_NOI_VU],
  },
  { ...QUYET_DINH, id: 'qd-kt-phu-luc', appendixPages: 2 },
  {
    ...QUYET_DINH,
    id: 'qd-quan-su',
    coQuanChuQuan: 'QUÂN KHU 1',
    coQuanBanHanh: 'BỘ CHỈ HUY QUÂN SỰ TỈNH',
    soKyHieu: '25/QĐ-BCH',
    signers: [KT_CHI_HUY],
  },
  {
    id: 'tt-gd-chu-hoa',
    tenLoai: 'TỜ TRÌNH',
    coQuanBanHanh: 'SỞ Y TẾ',
    soKyHieu: '19/TTr-SYT',
    diaDanhNgay: 'Bắc Ninh, ngày 16 tháng 11 năm 2026',
    trichYeu: 'Về việc mua sắm trang thiết bị y tế',
    paragraphs: BODY,
    signers: [GD_CAPITALS],
    appendixPages: 1,
  },
];
