/** Vietnamese texts of the idle lock (issue #19): the lock screen and the "lock now" button. */
export const viLock = {
  title: 'Màn hình đã khóa',
  hint: 'Ứng dụng đã khóa vì lâu không sử dụng; phiên đăng nhập token đã được đóng. Nhập mật khẩu đăng nhập (không phải mã PIN của token) để tiếp tục.',
  password: 'Mật khẩu đăng nhập',
  unlock: 'Mở khóa',
  working: 'Đang kiểm tra mật khẩu…',
  lockNow: 'Khóa màn hình',
  settings: 'Khóa màn hình khi không sử dụng',
  idleMinutes: 'Tự khóa sau (phút)',
  idleMinutesHint:
    'Không dùng máy trong chừng ấy phút thì ứng dụng tự khóa và đóng phiên token. Nhập 0 để không bao giờ tự khóa.',
  idleMinutesError: 'Nhập số phút từ 0 đến 240.',
} as const;
