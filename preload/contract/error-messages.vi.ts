import type { ErrorCode } from './errors.ts';

export interface ErrorText {
  /** What went wrong, in words a văn thư uses. */
  readonly message: string;
  /** What to do next. */
  readonly action: string;
}

/**
 * Vietnamese text for every error code. Shared by the renderer and the CLI so a clerk reads
 * the same sentence wherever the error shows up. `Record<ErrorCode, …>` keeps it complete.
 */
export const errorTextVi: Readonly<Record<ErrorCode, ErrorText>> = {
  INVALID_INPUT: { message: 'Dữ liệu nhập chưa hợp lệ.', action: 'Kiểm tra lại các trường được đánh dấu.' },
  FILE_NOT_FOUND: { message: 'Không tìm thấy tệp.', action: 'Chọn lại tệp.' },
  FILE_TOO_LARGE: {
    message: 'Tệp lớn hơn 50 MB, vượt giới hạn cho phép.',
    action: 'Giảm dung lượng tệp (nén ảnh quét) rồi thử lại.',
  },
  FILE_WRITE_FAILED: { message: 'Không ghi được tệp.', action: 'Kiểm tra quyền ghi thư mục rồi thử lại.' },
  DISK_FULL: { message: 'Ổ đĩa đã đầy.', action: 'Giải phóng dung lượng ổ đĩa rồi thử lại; dữ liệu chưa bị thay đổi.' },
  PDF_MALFORMED: { message: 'Tệp PDF bị hỏng hoặc không đúng định dạng.', action: 'Yêu cầu nơi gửi cung cấp lại tệp.' },
  PDF_ENCRYPTED: {
    message: 'Tệp PDF có mật khẩu/mã hóa nên không thể ký.',
    action: 'Dùng bản PDF không đặt mật khẩu.',
  },
  PDF_CERTIFIED_NO_CHANGES: {
    message: 'Văn bản đã được chứng thực không cho phép thay đổi thêm.',
    action: 'Không thể ký tiếp; liên hệ người đã ký.',
  },
  PDF_FIELD_EXISTS: { message: 'Trường chữ ký với tên này đã có trong văn bản.', action: 'Chọn tên trường khác.' },
  PDF_FIELD_NOT_FOUND: {
    message: 'Không tìm thấy trường cần điền trong văn bản.',
    action: 'Chuẩn bị văn bản (tạo trường) trước khi ký.',
  },
  PDF_PLACEHOLDER_TOO_SMALL: {
    message: 'Vùng dành cho chữ ký số quá nhỏ.',
    action: 'Tăng kích thước vùng chữ ký rồi ký lại.',
  },
  PDF_PLACEMENT_NOT_FOUND: {
    message: 'Không tìm được vị trí đặt chữ ký theo Nghị định 30.',
    action: 'Kéo khung chữ ký đến vị trí đúng.',
  },
  PDF_FIELD_PLACEMENT_NOT_FOUND: {
    message: 'Không tìm được vị trí ô số, ký hiệu hoặc ngày ban hành trên trang đầu văn bản.',
    action: 'Đặt khung cho ô còn thiếu rồi chuẩn bị lại văn bản, trước khi lãnh đạo ký.',
  },
  IMAGE_INVALID: { message: 'Ảnh chữ ký/con dấu không hợp lệ.', action: 'Dùng ảnh PNG nền trong suốt.' },
  OCR_FAILED: {
    message: 'Không đọc được chữ trên bản quét.',
    action: 'Quét lại rõ hơn (200–300 dpi) hoặc nhập các trường bằng tay.',
  },
  OCR_CANCELLED: {
    message: 'Đã dừng đọc bản quét.',
    action: 'Bấm đọc lại khi cần; các trường đã nhập vẫn giữ nguyên.',
  },
  MODULE_LOAD_FAILED: {
    message: 'Không nạp được trình điều khiển thiết bị ký số (PKCS#11).',
    action: 'Cài lại phần mềm của nhà cung cấp chữ ký số, dùng đúng bản 64-bit.',
  },
  MODULE_HUNG: {
    message: 'Trình điều khiển thiết bị ký số không phản hồi.',
    action: 'Rút thiết bị, cắm lại rồi thử lại.',
  },
  TOKEN_ABSENT: { message: 'Chưa cắm thiết bị ký số (USB token).', action: 'Cắm USB token rồi thử lại.' },
  TOKEN_REMOVED: { message: 'USB token đã bị rút ra trong khi đang dùng.', action: 'Cắm lại USB token rồi thử lại.' },
  PIN_INCORRECT: { message: 'Mã PIN không đúng.', action: 'Nhập lại mã PIN; chú ý số lần thử còn lại.' },
  PIN_LOCKED: {
    message: 'USB token đã bị khóa do nhập sai PIN quá số lần.',
    action: 'Liên hệ đơn vị cấp chứng thư số (tổ chức cung cấp dịch vụ) để mở khóa.',
  },
  PIN_LEN_RANGE: { message: 'Độ dài mã PIN không hợp lệ.', action: 'Nhập mã PIN đúng độ dài.' },
  PIN_EXPIRED: { message: 'Mã PIN cần được đổi trước khi dùng.', action: 'Đổi mã PIN bằng phần mềm quản lý token.' },
  KEY_NOT_FOUND: {
    message: 'Không tìm thấy khóa ký tương ứng với chứng thư số.',
    action: 'Chọn đúng chứng thư số trên token.',
  },
  MECHANISM_UNSUPPORTED: {
    message: 'Thiết bị không hỗ trợ thuật toán ký cần dùng.',
    action: 'Liên hệ nhà cung cấp chữ ký số.',
  },
  TOKEN_GENERAL_ERROR: {
    message: 'Trình điều khiển báo lỗi chung (một số thiết bị báo lỗi này khi nhập sai PIN).',
    action: 'Kiểm tra lại mã PIN; nếu vẫn lỗi, rút và cắm lại thiết bị.',
  },
  CERT_EXPIRED: {
    message: 'Chứng thư số đã hết hạn.',
    action: 'Liên hệ tổ chức cung cấp dịch vụ để gia hạn chứng thư số.',
  },
  CERT_NOT_YET_VALID: {
    message: 'Chứng thư số chưa đến thời gian có hiệu lực.',
    action: 'Kiểm tra đồng hồ máy tính hoặc chờ đến ngày hiệu lực.',
  },
  CERT_KEY_USAGE: {
    message: 'Chứng thư số không được phép dùng để ký văn bản.',
    action: 'Chọn chứng thư số dùng cho ký số.',
  },
  CERT_ROLE_MISMATCH: {
    message: 'Chứng thư số không đúng vai trò (cá nhân/cơ quan) cho bước này.',
    action: 'Chọn chứng thư số của cơ quan để đóng dấu, của cá nhân để ký duyệt.',
  },
  CERT_REVOKED: {
    message: 'Chứng thư số đã bị tổ chức cung cấp dịch vụ thu hồi.',
    action: 'Không ký bằng chứng thư này; liên hệ tổ chức cung cấp dịch vụ chữ ký số.',
  },
  TSA_FAILED: {
    message: 'Không lấy được dấu thời gian.',
    action: 'Kiểm tra kết nối mạng hoặc ký không kèm dấu thời gian.',
  },
  VERIFY_FAILED: {
    message: 'Không kiểm tra được chữ ký số.',
    action: 'Thử lại; nếu vẫn lỗi, trả lại văn bản cho nơi gửi.',
  },
  DB_FROM_FUTURE: {
    message: 'Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của Văn thư số.',
    action: 'Cài phiên bản Văn thư số mới nhất.',
  },
  DB_CORRUPT: { message: 'Cơ sở dữ liệu bị hỏng.', action: 'Khôi phục từ bản sao lưu gần nhất.' },
  DB_BUSY: { message: 'Cơ sở dữ liệu đang bận.', action: 'Thử lại sau giây lát.' },
  NOT_FOUND: { message: 'Không tìm thấy bản ghi.', action: 'Tải lại danh sách.' },
  DUPLICATE: {
    message: 'Văn bản có thể đã được đăng ký trước đó.',
    action: 'Kiểm tra văn bản trùng trước khi đăng ký.',
  },
  STATE_TRANSITION_INVALID: {
    message: 'Thao tác không phù hợp với trạng thái hiện tại của văn bản.',
    action: 'Tải lại văn bản để xem trạng thái mới nhất.',
  },
  SECRET_STAYS_LOCAL: {
    message: 'Văn bản mật chỉ được lưu trên máy này, không gửi lên Hệ thống.',
    action: 'Gửi văn bản mật bằng bản giấy theo quy định bảo vệ bí mật nhà nước.',
  },
  ARRIVAL_UNCHECKED: {
    message: 'Văn bản đến chưa có kết quả kiểm tra, hoặc kết quả chưa xác định được.',
    action: 'Chờ kiểm tra xong; nếu vẫn tiếp nhận, chọn "Vẫn tiếp nhận, ghi lý do".',
  },
  ARRIVAL_REJECTED: {
    message: 'Văn bản đến không đạt khi kiểm tra nên không tiếp nhận được.',
    action: 'Trả lại văn bản cho nơi gửi, kèm lý do.',
  },
  SCAN_BELOW_STANDARD: {
    message: 'Bản quét chưa đạt yêu cầu số hóa (PDF 1.4 trở lên, quét màu, từ 200 dpi).',
    action: 'Quét lại văn bản; nếu vẫn đăng ký bản quét này, ghi lý do.',
  },
  NUMBER_UNAVAILABLE: {
    message: 'Hết số đã được cấp trước để dùng khi mất kết nối.',
    action: 'Kết nối lại máy chủ để lấy thêm số; văn bản đi chưa được cấp số.',
  },
  AUDIT_BROKEN: { message: 'Nhật ký thao tác đã bị sửa hoặc xóa.', action: 'Báo ngay cho quản trị hệ thống.' },
  PROFILE_LOCKED: {
    message: 'Hồ sơ làm việc đã được mã hóa và chưa được mở khóa trên máy này.',
    action: 'Mở khóa bằng mật khẩu khóa hồ sơ hoặc khóa khôi phục (vanthu unlock).',
  },
  PROFILE_KEY_WRONG: {
    message: 'Khóa không đúng: không mở được hồ sơ hoặc bản sao lưu đã mã hóa. Dữ liệu không bị thay đổi.',
    action: 'Nhập lại mật khẩu khóa hồ sơ hoặc khóa khôi phục (8 nhóm 4 ký tự, in lúc thiết lập).',
  },
  ISSUING_CHAIN_BROKEN: {
    message: 'Tệp của bước trước không đúng chuỗi ban hành (dự thảo → ký duyệt → cấp số → đóng dấu).',
    action: 'Không dùng tệp này; làm lại bước trước từ tệp đang lưu của văn bản.',
  },
  ROLE_NOT_ALLOWED: {
    message: 'Vai trò của bạn không được thực hiện thao tác này.',
    action: 'Chuyển cho người có vai trò phù hợp (Cài đặt → Hồ sơ người dùng cho biết vai trò của bạn).',
  },
  SYNC_OFFLINE: {
    message: 'Đang mất kết nối với máy chủ.',
    action: 'Dữ liệu được lưu trên máy và sẽ tự gửi khi có kết nối.',
  },
  SYNC_AUTH: { message: 'Phiên đăng nhập máy chủ đã hết hạn.', action: 'Đăng nhập lại.' },
  SYNC_CONFLICT: { message: 'Có xung đột dữ liệu với máy chủ cần bạn quyết định.', action: 'Mở mục Đồng bộ để xử lý.' },
  SYNC_REJECTED: { message: 'Máy chủ từ chối thay đổi.', action: 'Xem lý do trong mục Đồng bộ và sửa lại.' },
  SYNC_INSECURE_URL: { message: 'Địa chỉ máy chủ phải dùng HTTPS.', action: 'Nhập địa chỉ bắt đầu bằng https://.' },
  IPC_FORBIDDEN: { message: 'Yêu cầu không được phép.', action: 'Khởi động lại ứng dụng.' },
  IPC_UNKNOWN_CHANNEL: { message: 'Chức năng không tồn tại.', action: 'Cập nhật ứng dụng.' },
  APP_LOCKED: {
    message: 'Màn hình đang khóa do không sử dụng.',
    action: 'Nhập mật khẩu đăng nhập để mở khóa.',
  },
  INTERNAL: {
    message: 'Lỗi không mong muốn trong ứng dụng.',
    action: 'Thử lại; nếu lặp lại, gửi tệp nhật ký cho bộ phận hỗ trợ.',
  },
};

/** Build a VanthuError-ready message: the catalog sentence, optionally followed by a detail. */
export function errorMessageVi(code: ErrorCode, detail?: string): string {
  const base = errorTextVi[code].message;
  return detail === undefined || detail === '' ? base : `${base} ${detail}`;
}
