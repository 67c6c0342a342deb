/** Texts of the signature check's report (Kết quả kiểm tra chữ ký số). */
export const viVerify = {
  title: 'Kết quả kiểm tra chữ ký số',
  verdicts: {
    valid: 'Chữ ký số hợp lệ',
    invalid: 'Chữ ký số KHÔNG hợp lệ',
    indeterminate: 'Chưa xác định được tính hợp lệ',
  },
  signer: 'Người ký',
  organization: 'Cơ quan',
  signingTime: 'Thời điểm ký',
  noSignatures: 'Tệp không có chữ ký số.',
  signatures: (n: number) => `${n} chữ ký`,
  returnHint: 'Có thể dùng các lý do trên khi trả lại văn bản.',
} as const;
