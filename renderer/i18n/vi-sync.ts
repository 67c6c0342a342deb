/** Texts of Đồng bộ: the connection, the outbox and its conflicts. */
export const viSync = {
  title: 'Đồng bộ',
  connection: 'Kết nối máy chủ',
  pending: 'Thay đổi chờ gửi',
  failed: 'Thay đổi bị từ chối',
  lastSuccess: 'Lần đồng bộ thành công gần nhất',
  lastError: 'Lỗi gần nhất',
  never: 'Chưa lần nào',
  authRequired: 'Máy chủ yêu cầu đăng nhập lại (Cài đặt → Máy chủ).',
  retryNow: 'Đồng bộ ngay (Alt+R)',
  retrying: 'Đang đồng bộ…',
  transfer: { upload: 'Đang gửi tệp', download: 'Đang tải tệp' },
  conflicts: 'Cần bạn quyết định',
  noConflicts: 'Không có thay đổi nào cần xử lý.',
  kinds: { conflict: 'Xung đột', permanent: 'Bị từ chối' },
  columns: { what: 'Thay đổi', at: 'Từ lúc', kind: 'Loại', message: 'Lý do', resolution: 'Cách xử lý' },
  renumbered: {
    title: 'Số đến đã điều chỉnh theo máy chủ',
    intro:
      'Các văn bản dưới đây đã được một máy khác của cơ quan đăng ký trước. Mỗi văn bản chỉ có một số đến trong sổ: số của máy chủ. Trạng thái, ý kiến và phân công của văn bản trên máy này được giữ nguyên.',
    none: 'Chưa có văn bản nào phải điều chỉnh số đến.',
    notice: (soKyHieu: string, trichYeu: string, soDen: string) =>
      `Văn bản ${soKyHieu} (${trichYeu}) đã được đăng ký ở máy khác với số đến ${soDen}; máy này đã chuyển sang số đó.`,
    unused: (so: string) =>
      `Số đến ${so} đã lấy trên máy này không được sử dụng: sổ đăng ký in ra ghi rõ dòng số ${so} là số không sử dụng, nhật ký thao tác lưu lại việc này.`,
    provisional: (so: string) => `Số tạm ${so} trên máy này được thay bằng số của máy chủ.`,
    state: (state: string, at: string) => `Lúc điều chỉnh (${at}), văn bản đang ở bước: ${state}.`,
  },
} as const;
