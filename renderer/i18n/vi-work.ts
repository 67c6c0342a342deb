import { USER_ROLE_LABEL_VI } from '../../preload/contract/workflow.ts';

/** Texts of due times, Tổng quan's queues, notifications and Báo cáo (issue #20). */
export const viWork = {
  reply: {
    title: 'Trả lời cho văn bản đi',
    label: 'Văn bản này trả lời cho',
    none: 'Không trả lời văn bản nào của cơ quan',
    option: (soKyHieu: string, trichYeu: string, han: string | null) =>
      `${soKyHieu} — ${trichYeu}${han === null ? '' : ` (hạn trả lời ${han})`}`,
    save: 'Lưu liên kết trả lời',
  },
  due: {
    state: {
      'qua-han': 'Quá hạn',
      'xu-ly-ngay': 'Xử lý ngay',
      'den-han-hom-nay': 'Đến hạn hôm nay',
      'con-han': 'Còn hạn',
    },
    rule: {
      trinh: 'trình',
      'phat-hanh': 'phát hành',
      'han-xu-ly': 'hạn xử lý',
      'han-tra-loi': 'hạn trả lời',
    },
    title: (rule: string, when: string) => `Hạn ${rule}: hết ngày ${when}`,
    filtered: 'Đang xem danh sách lọc từ Tổng quan.',
    showAll: 'Xem tất cả',
  },
  overview: {
    queuesTitle: 'Việc của tôi',
    role: (role: string) => `Vai trò trên máy này: ${role}`,
    /** The workflow table's words for the roles (preload/contract/workflow.ts). */
    roles: USER_ROLE_LABEL_VI,
    queue: {
      'cho-tiep-nhan': 'Chờ tiếp nhận',
      'cho-trinh': 'Chờ trình',
      'cho-y-kien': 'Chờ ý kiến',
      'cho-ky': 'Chờ ký',
      'cho-phat-hanh': 'Chờ cấp số, phát hành',
      'dang-xu-ly': 'Đang xử lý',
      'qua-han': 'Quá hạn',
    },
    notConfigured: 'Chưa có số liệu: cần khai báo cơ quan trong Cài đặt.',
    syncTitle: 'Đồng bộ',
    syncPending: (n: number) => `${n} thay đổi chờ gửi lên máy chủ`,
    syncIdle: 'Không có thay đổi chờ gửi',
    syncFailed: (n: number) => `${n} thay đổi gửi không thành công`,
    syncLast: (when: string) => `Lần đồng bộ gần nhất: ${when}`,
    syncNever: 'Chưa đồng bộ lần nào',
    backupTitle: 'Sao lưu',
    backupLast: (when: string) => `Lần sao lưu gần nhất: ${when}`,
    backupNever: 'Chưa sao lưu lần nào',
    backupNow: 'Sao lưu ngay',
    backingUp: 'Đang sao lưu…',
    backupDone: (mb: string) => `Đã sao lưu (${mb} MB) vào thư mục sao-luu của hồ sơ.`,
    calendarTitle: 'Lịch làm việc',
    calendarImport: 'Nhập thông báo lịch nghỉ của năm',
    calendarStored: (years: string) => `Đã có thông báo lịch nghỉ năm: ${years}`,
    calendarNone: 'Chưa có thông báo lịch nghỉ của năm: tính theo lịch mặc định của Bộ luật Lao động.',
  },
  notices: {
    label: 'Thông báo',
    dismiss: 'Đã xem',
  },
  reports: {
    nav: 'Báo cáo',
    title: 'Báo cáo',
    from: 'Từ ngày',
    to: 'Đến ngày',
    department: 'Đơn vị chủ trì (để trống: toàn cơ quan)',
    run: 'Lập báo cáo',
    exportXlsx: 'Xuất Excel (XLSX)',
    print: 'In báo cáo (PDF)',
    saved: (name: string) => `Đã lưu tệp ${name} vào thư mục bao-cao của hồ sơ.`,
    scope:
      'Số văn bản đến, đi: toàn cơ quan (sổ đăng ký đồng bộ giữa các máy trạm). Xử lý đúng hạn, trễ hạn: văn bản xử lý trên máy trạm này.',
    received: 'Văn bản đến',
    issued: 'Văn bản đi đã phát hành',
    total: 'Tổng số',
    byType: 'Theo loại',
    bySource: 'Theo nguồn',
    electronic: 'Xử lý trên môi trường điện tử',
    signed: 'Ký số',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    overdueNow: 'Chưa xong, đã quá hạn',
    average: 'Thời gian xử lý trung bình',
    days: (n: number | null) => (n === null ? '—' : `${n.toLocaleString('vi-VN')} ngày`),
    share: (part: number, whole: number) =>
      whole === 0
        ? '—'
        : `${part.toLocaleString('vi-VN')} / ${whole.toLocaleString('vi-VN')} (${Math.round((100 * part) / whole)} %)`,
    source: { truc: 'Trục liên thông', email: 'Thư điện tử', giay: 'Bản giấy', khac: 'Khác' } as Record<string, string>,
    chartLabel: (title: string) => `Biểu đồ: ${title}`,
  },
} as const;
