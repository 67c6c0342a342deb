/**
 * Every string the renderer shows, in Vietnamese. Components take text from here only
 * (a lint rule forbids string literals in JSX), so wording is reviewed in one place.
 */
export const vi = {
  app: {
    name: 'Văn thư số',
    tagline: 'Ký số, đăng ký và phát hành văn bản',
    loading: 'Đang tải…',
  },
  nav: {
    home: 'Tổng quan',
    incoming: 'Văn bản đến',
    outgoing: 'Văn bản đi',
    signing: 'Ký duyệt',
    registers: 'Sổ đăng ký',
    sync: 'Đồng bộ',
    settings: 'Cài đặt',
  },
  home: {
    title: 'Tổng quan',
    version: 'Phiên bản',
    shell: 'Chế độ chạy',
    shellElectron: 'Ứng dụng máy tính',
    shellBrowser: 'Trình duyệt (chế độ dự phòng)',
    shellCli: 'Dòng lệnh',
    profile: 'Thư mục dữ liệu',
    database: 'Cơ sở dữ liệu',
    databaseState: {
      ready: 'Sẵn sàng',
      missing: 'Chưa khởi tạo',
      'from-future': 'Thuộc phiên bản mới hơn',
      corrupt: 'Bị hỏng',
      unavailable: 'Không truy cập được',
    },
  },
  errors: {
    title: 'Có lỗi xảy ra',
    whatToDo: 'Cách xử lý',
  },
} as const;
