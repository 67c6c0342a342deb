/** Texts of placing a field the draft's text did not reveal (issue #14). */
export const viPlacement = {
  title: 'Đặt ô còn thiếu trên văn bản',
  hint: (field: string) =>
    `Không tìm thấy vị trí ô ${field} trong văn bản. Kéo chuột trên trang để vẽ khung (hoặc bấm vào chỗ bắt đầu dòng), rồi bấm Lưu dự thảo. Phải đặt trước khi trình lãnh đạo ký: sau chữ ký không thể thêm ô.`,
  keyboardHint: 'Bàn phím: Enter đặt khung ở giữa trang, các phím mũi tên di chuyển khung (giữ Shift để đi xa hơn).',
  fields: { so: 'số, ký hiệu', ngay: 'ngày ban hành' },
  page: (n: number, total: number) => `Trang ${n}/${total}`,
  pageImage: (n: number) => `Ảnh trang ${n} của dự thảo`,
  surface: (field: string) => `Vùng đặt ô ${field}`,
  placed: (field: string, page: number) => `Đã đặt ô ${field} trên trang ${page}.`,
  notPlaced: (field: string) => `Chưa đặt ô ${field}.`,
  previous: 'Trang trước',
  next: 'Trang sau',
  clear: 'Xóa khung',
  loading: 'Đang hiển thị trang…',
} as const;
