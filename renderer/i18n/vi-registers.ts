/** Texts of Sổ đăng ký. */
export const viRegisters = {
  title: 'Sổ đăng ký',
  empty: 'Chưa có sổ nào; sổ được mở khi đăng ký văn bản đầu tiên của năm.',
  kinds: { den: 'Sổ đăng ký văn bản đến', di: 'Sổ đăng ký văn bản đi' },
  columns: {
    kind: 'Sổ',
    year: 'Năm',
    series: 'Loại số',
    quyenSo: 'Quyển số',
    remaining: 'Số còn dùng được khi mất kết nối',
  },
  mainSeries: 'Chính',
  openLease: 'Không giới hạn',
  print: 'In sổ ra PDF',
  kind: 'Sổ cần in',
  year: 'Năm',
  saveHint: 'Sổ được lưu trên máy; sau khi in, chọn nơi lưu tệp PDF (hoặc trình duyệt tải tệp xuống).',
  fromDate: 'Từ ngày',
  toDate: 'Đến ngày',
  printing: 'Đang in sổ…',
  printed: (name: string, rows: number, downloaded: boolean) =>
    `Đã in ${rows} dòng vào ${name}${downloaded ? ' (tệp được tải xuống)' : ''}.`,
  notSaved: (rows: number) => `Đã in ${rows} dòng; tệp được giữ trên máy, chưa lưu ra nơi khác (đã hủy chọn nơi lưu).`,
  errors: { year: 'Năm từ 2000 đến 2100.' },
} as const;
