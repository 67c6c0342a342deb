import { WORKFLOW_ACTIONS } from '../../preload/contract/workflow.ts';

/** Vietnamese texts of the workflow additions (stored file, phân công, login, trả lại dự thảo). */
export const viWorkflow = {
  stored: {
    title: 'Văn bản điện tử đã lưu',
    loading: 'Đang mở tệp đã lưu…',
    noFile: 'Văn bản giấy: chưa có bản quét.',
    verify: 'Kiểm tra chữ ký số',
    verifying: 'Đang kiểm tra chữ ký số…',
    notVerified: 'Chưa kiểm tra chữ ký số của văn bản này.',
  },
  assign: {
    title: 'Phân công xử lý',
    chuTri: 'Đơn vị, cá nhân chủ trì',
    phoiHop: 'Đơn vị, cá nhân phối hợp (mỗi dòng một)',
    hanXuLy: 'Hạn xử lý',
    yKien: 'Ý kiến chỉ đạo',
    confirm: 'Phân công',
    cancel: 'Đóng',
    required: 'Chọn đơn vị hoặc cá nhân chủ trì.',
    current: 'Đang phân công',
    chuTriShort: 'Chủ trì',
    phoiHopShort: 'Phối hợp',
    hanShort: 'Hạn',
  },
  login: {
    title: 'Đăng nhập máy chủ',
    usesSaved: 'Đăng nhập vào địa chỉ máy chủ đã lưu ở trên.',
    username: 'Tài khoản',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    working: 'Đang đăng nhập…',
    done: (user: string, org: string) => `Đã đăng nhập: ${user} (${org}). Mật khẩu không được lưu.`,
    needed: 'Cần đăng nhập lại máy chủ để đồng bộ.',
  },
  images: {
    title: 'Xem trước ảnh chữ ký và con dấu',
    hint: 'Ảnh đã lưu ở trên được kiểm tra như khi ký: PNG, nền trong suốt, đủ độ phân giải.',
    show: { signature: 'Xem trước ảnh chữ ký', seal: 'Xem trước ảnh con dấu' },
    alt: { signature: 'Ảnh chữ ký sẽ đóng lên văn bản', seal: 'Ảnh con dấu sẽ đóng lên văn bản' },
    size: (w: number, h: number, dpi: number | null) =>
      `${w} × ${h} điểm ảnh${dpi === null ? '' : `, khoảng ${Math.round(dpi)} dpi khi in`}.`,
    ok: 'Ảnh đạt yêu cầu.',
  },
  recipients: {
    search: 'Tìm cơ quan nhận trong danh bạ',
    results: 'Cơ quan tìm thấy',
    none: 'Không có cơ quan nào trong danh bạ khớp (danh bạ được cập nhật khi đồng bộ).',
    add: (ten: string) => `Thêm ${ten}`,
    added: (ten: string) => `Đã thêm ${ten}`,
  },
  returnDraft: {
    action: WORKFLOW_ACTIONS['outgoing.return'].button,
    title: 'Trả lại dự thảo cho người soạn',
    comment: 'Ý kiến của lãnh đạo',
    hint: 'Người soạn sẽ đọc ý kiến này để sửa dự thảo.',
    confirm: 'Trả lại',
    comments: 'Ý kiến khi trả lại',
  },
} as const;
