/** Vietnamese texts of the window shown while a plain profile is encrypted in place (issue #19). */
export const viStart = {
  title: 'Đang mã hóa hồ sơ làm việc',
  hint: 'Lần đầu mở phiên bản này, cơ sở dữ liệu và các tệp đã lưu được mã hóa, để máy bị mất cũng không lộ văn bản nào. Xin đừng tắt máy; nếu bị ngắt giữa chừng, lần mở sau sẽ làm tiếp.',
  waiting: 'Đang chuẩn bị…',
  key: 'Đang tạo khóa hồ sơ…',
  database: (kb: number) => `Đang mã hóa cơ sở dữ liệu (${kb} KB)…`,
  files: 'Đang mã hóa tệp đã lưu',
  done: (files: number) => `Xong: cơ sở dữ liệu và ${files} tệp đã được mã hóa. Ứng dụng đang mở…`,
} as const;
