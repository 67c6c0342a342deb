/** What the smoke suite registers: one organization and one văn bản đến. */
export const ORGANIZATION = { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' };
export const INCOMING = {
  tenLoai: 'Công văn',
  so: '12',
  kyHieu: 'STTTT-BCVT',
  // fixed-date: a văn bản's own issue date, stored as written; no rule here compares it with today.
  ngayBanHanh: '2026-03-02',
  coQuanBanHanh: 'Sở Thông tin và Truyền thông',
  trichYeu: 'Về việc đảm bảo an toàn thông tin',
};
