import { PERSON_ROLE_LABEL_VI, STEP_KINDS, STEP_LABEL_VI, type StepKind } from '../../preload/contract/office-roles.ts';

/** A table word as the first word of a cell or a button ("trình ký" → "Trình ký"). */
function sentenceCase(label: string): string {
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/**
 * The office table's step words (preload/contract/office-roles.ts), as the queue shows them. A
 * `sign` step reaches the queue once the leader has signed, so it reads as the state it reached
 * ("Đã ký"), not as the act ("ký duyệt") the table names for refusals.
 */
const STEP_LABELS: Readonly<Record<StepKind, string>> = {
  ...(Object.fromEntries(STEP_KINDS.map((kind) => [kind, sentenceCase(STEP_LABEL_VI[kind])])) as Record<
    StepKind,
    string
  >),
  sign: 'Đã ký',
};

/** Vietnamese texts of the office across workstations (#16): sign-in, the person's queue, refused steps. */
export const viOffice = {
  nav: 'Hàng đợi của tôi',
  title: 'Hàng đợi của tôi',
  signIn: {
    title: 'Đăng nhập người dùng',
    hint: 'Đăng nhập bằng tài khoản trên Hệ thống. Nếu mất mạng, người đã từng đăng nhập trên máy này vẫn đăng nhập được.',
    username: 'Tài khoản',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    working: 'Đang đăng nhập…',
  },
  person: (name: string, roles: string) => `${name} — ${roles}`,
  offline: 'Đăng nhập ngoại tuyến: các bước được giữ lại và gửi khi có mạng.',
  signOut: 'Đăng xuất',
  /** The office table's words for a person's roles. */
  roles: PERSON_ROLE_LABEL_VI,
  empty: 'Chưa có văn bản nào chuyển đến đồng chí.',
  columns: {
    title: 'Văn bản',
    step: 'Bước',
    by: 'Người chuyển',
    at: 'Lúc',
    state: 'Trạng thái',
    offline: 'Dùng được khi mất mạng',
  },
  ready: 'Sẵn sàng',
  fetching: 'Đang tải tệp…',
  steps: STEP_LABELS,
  actions: {
    column: 'Thao tác',
    /** Ký duyệt and the issuing chain run on the local record the case became on this workstation. */
    signAt: 'Ký duyệt tại màn hình Ký duyệt',
    issueAt: 'Thực hiện tại màn hình Văn bản đi',
    send: 'Gửi',
    cancel: 'Hủy',
    working: 'Đang ghi…',
    taken: (step: string) => `Đã ghi bước "${step}"; bước sẽ được gửi lên Hệ thống.`,
    formTitle: (step: string, title: string) => `${step}: ${title}`,
    leader: 'Trình lãnh đạo',
    via: 'Qua trưởng phòng (không bắt buộc)',
    noVia: '— Không qua trưởng phòng —',
    choose: '— Chọn —',
    yKien: 'Ý kiến chỉ đạo',
    chuTri: 'Người chủ trì',
    phoiHop: 'Người phối hợp',
    hanXuLy: 'Hạn xử lý',
    hanXuLyHint: 'Để trống nếu không có hạn.',
    note: 'Nội dung báo cáo',
    comment: 'Ý kiến gửi lại người soạn',
    reason: 'Lý do',
    required: 'Trường này là bắt buộc.',
    noDraft: 'Chưa có tệp dự thảo của văn bản này trên máy; chờ tải xong rồi thử lại.',
  },
  handoff: {
    draftTitle: 'Trình ký lãnh đạo qua Hệ thống',
    draftHint: 'Dự thảo (tệp PDF và tệp gốc) được gửi tới lãnh đạo đã chọn; lãnh đạo ký trên máy của mình.',
    incomingTitle: 'Trình lãnh đạo qua Hệ thống',
    incomingHint: 'Văn bản và tệp của văn bản được chuyển tới hàng đợi của lãnh đạo đã chọn.',
    note: 'Ghi chú gửi kèm (không bắt buộc)',
    sendDraft: 'Gửi trình ký',
    sendIncoming: 'Gửi trình',
    sent: (name: string) => `Đã trình ${name}; bước sẽ được gửi lên Hệ thống.`,
  },
  conflicts: {
    title: 'Bước chưa được Hệ thống chấp nhận',
    none: 'Không có bước nào bị từ chối.',
    whatHappened: 'Điều đã xảy ra',
    whatCanBeDone: 'Đồng chí có thể',
    kept: (n: number) => `Công việc và ${n} tệp vẫn được giữ trên máy này.`,
  },
} as const;
