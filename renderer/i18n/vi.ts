import { viAppendices } from './vi-appendices.ts';
import { viArrival } from './vi-arrival.ts';
import { viIssuing } from './vi-issuing.ts';
import { viPlacement } from './vi-placement.ts';
import { viWork } from './vi-work.ts';
import { viIncoming } from './vi-incoming.ts';
import { viOutgoing } from './vi-outgoing.ts';
import { viSettings } from './vi-settings.ts';
import { viSync } from './vi-sync.ts';
import { viRegisters } from './vi-registers.ts';
import { viSigning } from './vi-signing.ts';
import { viVerify } from './vi-verify.ts';

/**
 * Every string the renderer shows, in Vietnamese. Components take text from here only
 * (a lint rule forbids string literals in JSX), so wording is reviewed in one place.
 */
export const vi = {
  appendices: viAppendices,
  issuing: viIssuing,
  arrival: viArrival,
  placement: viPlacement,
  work: viWork,
  app: {
    name: 'Văn thư số',
    tagline: 'Ký số, đăng ký và phát hành văn bản',
    loading: 'Đang tải…',
    skipToContent: 'Chuyển đến nội dung chính',
  },
  nav: {
    label: 'Điều hướng chính',
    home: 'Tổng quan',
    incoming: 'Văn bản đến',
    outgoing: 'Văn bản đi',
    signing: 'Ký duyệt',
    registers: 'Sổ đăng ký',
    sync: 'Đồng bộ',
    settings: 'Cài đặt',
  },
  common: {
    save: 'Lưu',
    cancel: 'Hủy',
    close: 'Đóng',
    retry: 'Thử lại',
    dismiss: 'Ẩn thông báo',
    reload: 'Tải lại',
    search: 'Tìm kiếm',
    back: 'Quay lại danh sách',
    none: 'Không có',
    yes: 'Có',
    no: 'Không',
  },
  connection: {
    online: 'Trực tuyến',
    offline: 'Mất kết nối — đang làm việc trên máy',
    unknown: 'Chưa rõ kết nối',
    authRequired: 'cần đăng nhập lại',
    noService: 'Chưa rõ kết nối (chưa có dịch vụ đồng bộ)',
    pending: (n: number) => `${n} thay đổi chờ gửi`,
  },
  shortcuts: {
    title: 'Phím tắt',
    open: 'Phím tắt (?)',
    keysColumn: 'Phím',
    actionColumn: 'Tác dụng',
    help: 'Mở bảng phím tắt này',
    search: 'Đến ô tìm kiếm của danh sách',
    sections: 'Mở mục tương ứng trên thanh bên (0 Tổng quan, 1 Văn bản đến … 6 Cài đặt, 7 Báo cáo)',
    create: 'Tạo mới (đăng ký văn bản đến, dự thảo văn bản đi)',
    reload: 'Tải lại danh sách',
    save: 'Lưu biểu mẫu đang mở',
    sign: 'Ký các văn bản đã chọn',
    close: 'Đóng hộp thoại',
  },
  missing: {
    title: 'Chưa có dịch vụ',
    body: 'Chức năng này cần một dịch vụ chưa được cài trong phiên bản đang chạy. Không có dữ liệu nào bị mất.',
    channel: 'Kênh cần có',
  },
  drafts: {
    resumed: 'Đang tiếp tục bản nháp chưa lưu lần trước.',
    discard: 'Bỏ thay đổi chưa lưu',
  },
  forms: {
    required: 'Trường này bắt buộc.',
    tooLong: (max: number) => `Tối đa ${max} ký tự.`,
    invalidValue: 'Giá trị không hợp lệ.',
    invalidDate: 'Ngày không hợp lệ (ngày/tháng/năm).',
    summary: 'Biểu mẫu còn lỗi, xem các trường được đánh dấu.',
  },
  home: {
    title: 'Tổng quan',
    version: 'Phiên bản',
    shell: 'Chế độ chạy',
    shellElectron: 'Ứng dụng máy tính',
    shellBrowser: 'Trình duyệt (chế độ dự phòng)',
    shellCli: 'Dòng lệnh',
    profile: 'Thư mục dữ liệu',
    database: 'Cơ sở dữ liệu',
    backupNever: 'Chưa sao lưu dữ liệu lần nào. Quy định yêu cầu sao lưu hằng ngày.',
    backupOld: (days: number) => `Lần sao lưu gần nhất cách đây ${days} ngày. Quy định yêu cầu sao lưu hằng ngày.`,
    databaseState: {
      ready: 'Sẵn sàng',
      missing: 'Chưa khởi tạo',
      'from-future': 'Thuộc phiên bản mới hơn',
      corrupt: 'Bị hỏng',
      unavailable: 'Không truy cập được',
    },
  },
  settings: viSettings,
  incoming: viIncoming,
  outgoing: viOutgoing,
  sync: viSync,
  registers: viRegisters,
  pdf: {
    title: 'Xem văn bản',
    open: 'Mở tệp PDF để xem (tệp không rời khỏi máy)',
    rendering: 'Đang hiển thị trang…',
    failed: 'Không mở được tệp: tệp không phải PDF hoặc bị hỏng.',
    previous: 'Trang trước',
    next: 'Trang sau',
    pageOf: (page: number, total: number) => `Trang ${page}/${total}`,
  },
  hints: {
    title: 'Trợ lý: tóm tắt, hạn và đơn vị chủ trì',
    loading: 'Đang đọc văn bản…',
    noText: 'Không có lớp chữ để đọc (văn bản giấy hoặc bản quét chưa nhận dạng).',
    encoding: (name: 'tcvn3' | 'vni') =>
      `Văn bản gõ bằng bảng mã ${name === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'}, đã chuyển sang Unicode (TCVN 6909:2001) để đọc.`,
    dieu: 'Các điều',
    dieuItem: (so: number, text: string) => `Điều ${so}. ${text}`,
    deadlines: 'Thời hạn văn bản đặt ra',
    noDeadlines: 'Văn bản không nêu thời hạn.',
    due: (date: string) => `hạn ${date}`,
    proposed: (date: string) => `Đề xuất hạn xử lý: ${date}`,
    takeHan: 'Dùng hạn này',
    tookHan: (date: string) => `Đã điền hạn ${date} vào Phân công xử lý.`,
    chuTri: 'Gợi ý đơn vị chủ trì',
    noChuTri: 'Chưa có văn bản tương tự đã phân công.',
    because: (soKyHieu: string, trichYeu: string, chuTri: string) =>
      `giống văn bản số ${soKyHieu} (${trichYeu}) đã giao cho ${chuTri}`,
    share: (percent: number) => `${percent}% văn bản tương tự`,
    takeChuTri: (chuTri: string) => `Dùng gợi ý: ${chuTri}`,
    tookChuTri: (chuTri: string) => `Đã điền ${chuTri} vào Phân công xử lý.`,
    readOnly: 'Chỉ là gợi ý, tính trên máy trạm; không thay đổi gì cho đến khi phân công.',
  },
  theThuc: {
    title: 'Kiểm tra thể thức (Nghị định 30/2020)',
    checking: 'Đang kiểm tra thể thức…',
    clean: (n: number) => `Không thấy lỗi thể thức (đã kiểm tra ${n} quy tắc).`,
    page: (n: number) => `Trang ${n}`,
    why: (source: string, tolerance: string) => `(${source}; chấp nhận: ${tolerance})`,
    previewLoading: 'Đang hiển thị trang…',
    pageAlt: (n: number) => `Trang ${n} của dự thảo, các lỗi thể thức được khoanh đỏ`,
    boxLabel: (message: string) => `Lỗi thể thức: ${message}`,
    show: 'Xem trên trang',
  },
  signing: viSigning,
  verify: viVerify,
  errors: {
    title: 'Có lỗi xảy ra',
    bugTitle: 'Lỗi trong ứng dụng',
    reasonCode: (reason: string) => `Mã lý do: ${reason}`,
    whatToDo: 'Cách xử lý',
    settingMissing: (label: string) => `Cần khai báo trong Cài đặt: ${label}.`,
    openSettings: 'Mở Cài đặt',
  },
} as const;
