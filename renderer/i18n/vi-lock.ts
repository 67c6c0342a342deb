/** Vietnamese texts of the idle lock (issue #19): the lock screen and the "lock now" button. */
export const viLock = {
  title: 'Màn hình đã khóa',
  hint: 'Ứng dụng đã khóa vì lâu không sử dụng; phiên đăng nhập token đã được đóng. Nhập mật khẩu đăng nhập (không phải mã PIN của token) để tiếp tục.',
  password: 'Mật khẩu đăng nhập',
  unlock: 'Mở khóa',
  working: 'Đang kiểm tra mật khẩu…',
  lockNow: 'Khóa màn hình',
} as const;
