/** Roman numerals for appendix titles: ND30 numbers two or more phụ lục I, II, III … [Phụ lục I, I.III.1.a]. */
function roman(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Vietnamese texts of the phụ lục of a document (outgoing list and signing, incoming list); part of `vi`. */
export const viAppendices = {
  title: 'Phụ lục',
  none: 'Văn bản chưa có phụ lục.',
  listLabel: 'Danh sách phụ lục của văn bản',
  columns: { position: 'Thứ tự', title: 'Tên phụ lục', signature: 'Chữ ký số', actions: 'Thao tác' },
  signedYes: 'Đã ký số cơ quan',
  signedNo: 'Chưa ký số',
  signedUnknown: 'Kiểm tra khi mở',
  open: 'Mở',
  openLabel: (title: string) => `Mở ${title}`,
  closeViewer: 'Đóng phụ lục',
  remove: 'Gỡ',
  removeLabel: (title: string) => `Gỡ ${title} khỏi văn bản`,
  removed: (title: string) => `Đã gỡ ${title}. Phụ lục này sẽ không được gửi.`,
  add: 'Thêm phụ lục…',
  addTitle: 'Thêm phụ lục (ký số cơ quan)',
  titleField: 'Tên phụ lục',
  titleHint: 'Ví dụ: Phụ lục I. Danh sách đơn vị',
  defaultTitle: (n: number) => `Phụ lục ${roman(n)}`,
  file: 'Tệp phụ lục (PDF)',
  fileHint: (soKyHieu: string) =>
    `Chữ ký số cơ quan với số, ký hiệu ${soKyHieu} và thời gian ký được đặt ở góc trên bên phải trang đầu của phụ lục.`,
  sign: 'Ký số và đính kèm',
  cancel: 'Đóng',
  signing: 'Đang ký số phụ lục và đính kèm vào văn bản…',
  added: (title: string) => `Đã ký số và đính kèm ${title}. Phụ lục sẽ được gửi cùng văn bản khi phát hành.`,
  needsNumber: 'Phụ lục được ký số sau khi văn bản được cấp số (chữ ký mang số, ký hiệu của văn bản).',
  locked: 'Văn bản đã phát hành: các phụ lục đã được gửi cùng văn bản, không thể gỡ hay thêm.',
  uploading: (title: string) => `Đang gửi ${title}`,
  loadingFile: 'Đang mở phụ lục…',
  notVerified: 'Không kiểm tra được chữ ký số của phụ lục này.',
  received: 'Phụ lục kèm theo',
  receivedNone: 'Văn bản không có phụ lục kèm theo.',
  loadingList: 'Đang tải danh sách phụ lục…',
} as const;
