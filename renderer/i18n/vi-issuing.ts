import { USER_ROLE_LABEL_VI } from '../../preload/contract/workflow.ts';

/** Texts of the issuing journey and of file choosers (issue #15). */
export const viIssuing = {
  files: {
    choose: 'Chọn tệp…',
    settings: {
      signaturePng: 'Chọn tệp PNG chữ ký lãnh đạo',
      sealPng: 'Chọn tệp PNG dấu đỏ của cơ quan',
      trustRoot: 'Thêm chứng thư tin cậy từ tệp (.pem, .crt, .cer)',
    },
    dropHere: 'hoặc kéo thả tệp vào đây',
    uploading: 'Đang nạp tệp…',
    chosen: (name: string, kb: number) => `Đã chọn: ${name} (${kb.toLocaleString('vi-VN')} KB)`,
    none: 'Chưa chọn tệp',
    labels: {
      pdf: 'Tệp dự thảo (PDF)',
      nguon: 'Tệp gốc soạn thảo (.docx, .odt, .doc)',
      anh: 'Ảnh (PNG)',
      'chung-thu': 'Chứng thư gốc tin cậy (.pem, .crt, .cer)',
      'lich-nghi': 'Thông báo lịch nghỉ của năm (.json)',
    },
  },
  profile: {
    title: 'Vai trò trên máy này',
    hint: 'Ứng dụng chỉ cho làm những việc của vai trò này (văn thư cấp số, đóng dấu, phát hành; lãnh đạo ký duyệt; chuyên viên soạn dự thảo).',
    role: 'Vai trò',
    save: 'Lưu vai trò',
    saved: (role: string) => `Đã chuyển sang vai trò ${role}.`,
    /** The workflow table's words for the roles (preload/contract/workflow.ts). */
    roles: USER_ROLE_LABEL_VI,
  },
  draftFiles: 'Tệp của dự thảo',
  draftFilesHint: 'Chọn bản PDF để ký và tệp Word/LibreOffice gốc; cả hai được lưu cùng văn bản.',
  results: {
    ok: 'Đã ký',
    failed: 'Không ký được',
  },
  current: (done: number, total: number, trichYeu: string) => `Đang ký ${done + 1}/${total}: ${trichYeu}`,
  partial: (ok: number, failed: number) => `Đã ký ${ok} văn bản; ${failed} văn bản không ký được (xem lý do bên dưới).`,
  number: 'Cấp số và ghi vào văn bản',
  seal: 'Đóng dấu (ký số của cơ quan)',
  placement: {
    title: 'Vị trí chữ ký và con dấu',
    hint: 'Xem trước nơi đặt chữ ký số của lãnh đạo (màu xanh) và dấu của cơ quan (màu đỏ) trên tệp đang lưu, theo Nghị định 30/2020.',
    show: 'Xem trước vị trí',
    refresh: 'Xem lại',
    loading: 'Đang tìm vị trí trên tệp…',
    notFound: 'Không tìm thấy vị trí chức vụ, họ tên người ký trên tệp; chữ ký được đặt theo vị trí mặc định.',
    pageAlt: (page: number) => `Trang ${page} của văn bản`,
    boxLabel: (leader: boolean, page: number) =>
      `${leader ? 'Chữ ký của lãnh đạo' : 'Dấu (chữ ký số) của cơ quan'}, trang ${page}`,
  },
  chainNote: 'Số, ký hiệu và ngày ban hành được ghi vào đúng tệp lãnh đạo đã ký; khi đóng dấu, hai ô này bị khóa.',
} as const;
