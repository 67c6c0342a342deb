/**
 * The rules a change decision names (ChangedObject.clause): the clause of ISO 32000 it applies,
 * in words a văn thư can quote back to the sender.
 */
export const CLAUSE = {
  P1: 'ISO 32000-1 §12.8.2.2, Bảng 254: DocMDP P=1 không cho phép thay đổi nào',
  FILL: 'ISO 32000-1 §12.8.2.2, Bảng 254: DocMDP P=2/P=3 cho phép điền biểu mẫu',
  SIGN: 'ISO 32000-1 §12.8.2.2, Bảng 254: DocMDP P=2/P=3 cho phép ký (kể cả ký vào trường chữ ký mới)',
  ANNOT: 'ISO 32000-1 §12.8.2.2, Bảng 254: chỉ DocMDP P=3 cho phép thêm, sửa, xóa chú thích',
  NEW_FIELD:
    'ISO 32000-1 §12.8.2.2, Bảng 254: DocMDP P=2/P=3 không cho phép thêm trường mới (trừ trường chữ ký được ký)',
  NOT_LISTED: 'ISO 32000-1 §12.8.2.2, Bảng 254: thay đổi không thuộc loại DocMDP cho phép',
  APPROVAL: 'ISO 32000-1 §12.8.1: chữ ký phê duyệt không có DocMDP, cho phép điền, ký, thêm trường và chú thích',
  CONTENT:
    'ISO 32000-1 §12.8.2.2, Bảng 254 và §7.7.3.3–7.7.3.4: không mức nào cho phép sửa nội dung trang hay tài nguyên của trang (kể cả tài nguyên thừa kế qua /Parent)',
  PAGES: 'ISO 32000-1 §12.8.2.2, Bảng 254 và §7.7.3: không mức nào cho phép thêm, xóa, đổi thứ tự trang',
  FIELD_MDP:
    'ISO 32000-1 §12.8.2.4, Bảng 255/256 (FieldMDP, /Lock, /Reference): trường bị khóa không được đổi giá trị lẫn giao diện',
  SIGNED_FIELD: 'ISO 32000-1 §12.7.4.5 và §12.8.1: trường chữ ký đã ký (giá trị và giao diện) không được sửa',
  SHARED_APPEARANCE:
    'ISO 32000-1 §12.5.5 và §12.7.3.3: luồng giao diện dùng chung bị ghi đè làm đổi cả chú thích của trường không được điền',
  FIELD_PROPS: 'ISO 32000-1 §12.7.3.1, Bảng 220–221: thuộc tính trường (tên, loại, cờ) không phải là điền biểu mẫu',
  LOCKED_FLAG: 'ISO 32000-1 §12.5.3, Bảng 165: cờ Locked (bit 8) trên widget của trường chữ ký đã ký',
  DSS: 'ISO 32000-2 §12.8.2.2.1 và §12.8.4.3: thêm/cập nhật DSS luôn được phép, kể cả P=1',
  DOC_TIMESTAMP: 'ISO 32000-2 §12.8.2.2.1 và §12.8.5: thêm dấu thời gian tài liệu luôn được phép, kể cả P=1',
  VERSION: 'ISO 32000-1 §7.5.2 và Bảng 28: /Version (nâng lên) và /Extensions của danh mục chỉ khai báo phiên bản',
  SIG_FLAGS: 'ISO 32000-1 §12.7.2, Bảng 218: /SigFlags chỉ báo tài liệu có chữ ký',
  METADATA:
    'ISO 32000-1 §14.3: siêu dữ liệu (XMP) không thay đổi nội dung hiển thị; công cụ PAdES-LTA cập nhật nó cùng DSS và dấu thời gian',
  INFO: 'ISO 32000-1 §14.3.3: từ điển /Info chỉ là thông tin mô tả',
  PERMS: 'ISO 32000-1 §12.8.4, Bảng 258: /Perms chỉ được đặt bởi chữ ký chứng thực đầu tiên',
  UNUSED: 'ISO 32000-1 §7.5.6: đối tượng không được dùng trong bản cuối, không ảnh hưởng nội dung',
  UNREADABLE: 'ISO 32000-1 §7.5.6: đối tượng bị ghi đè bằng dữ liệu không đọc được',
} as const;
