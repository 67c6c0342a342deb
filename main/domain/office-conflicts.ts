import type { StepKind } from './office-steps.ts';
import { STEP_LABEL_VI } from './office-steps.ts';

/**
 * What a person can do when the server refused their step because the world changed while they
 * worked (offline, or just later). The step, its files (a signed file included) and the outbox job
 * stay on the workstation: nothing is dropped, the person decides.
 */
const RESOLUTIONS: Readonly<Record<string, string>> = {
  ALREADY_DIRECTED:
    'Xem ý kiến chỉ đạo đã có trong hàng đợi. Nếu cần chỉ đạo khác, trao đổi với lãnh đạo đã chỉ đạo; ý kiến của đồng chí vẫn được giữ trên máy này.',
  DRAFT_REPLACED:
    'Người soạn đã gửi bản dự thảo mới. Mở bản mới, xem lại rồi ký (hoặc trả lại) bản đó; bản đồng chí đã ký vẫn được giữ trên máy này để đối chiếu.',
  DRAFT_WITHDRAWN:
    'Người soạn đã rút dự thảo nên không cần ký nữa. Bản đồng chí đã ký vẫn được giữ trên máy này; liên hệ người soạn nếu dự thảo vẫn cần ban hành.',
  ALREADY_SIGNED: 'Dự thảo đã được ký trước đó: không cần làm lại; xem bản đã ký trong hàng đợi.',
  ALREADY_COMPLETED: 'Văn bản đã được báo cáo hoàn thành: không cần báo cáo lại.',
  NOT_PENDING_WITH_YOU:
    'Dự thảo hiện không chờ đồng chí xử lý (đã chuyển người khác): xem người đang xử lý trong chi tiết văn bản.',
  STEP_OUT_OF_ORDER: 'Văn bản đã sang bước khác trên hệ thống: làm mới hàng đợi và xem trạng thái hiện tại.',
  CASE_NOT_FOUND: 'Hệ thống chưa có văn bản này: bước trước (trình hoặc tạo dự thảo) cần được gửi trước.',
  ROLE_FORBIDDEN: 'Tài khoản không có vai trò cho việc này trên hệ thống: liên hệ quản trị để được phân quyền.',
  NOT_ASSIGNED: 'Đồng chí không được phân công xử lý văn bản này: liên hệ lãnh đạo đã phân công.',
  NOT_DRAFTER: 'Chỉ người soạn dự thảo được làm việc này: liên hệ người soạn.',
  PERSON_NOT_FOUND: 'Người nhận không có trong cơ quan trên hệ thống: chọn người khác rồi gửi lại.',
};

export function officeResolution(code: string): string | undefined {
  return RESOLUTIONS[code];
}

/** A refused step as the person reads it: what they did, what happened, what they can do. */
export interface OfficeConflict {
  readonly stepId: string;
  readonly caseId: string;
  readonly stepKind: StepKind;
  readonly code: string;
  /** "Bước ký duyệt không được hệ thống chấp nhận: Dự thảo đã được … thay bằng bản mới." */
  readonly whatHappened: string;
  readonly whatCanBeDone: string;
  /** The files the step carried, still in this workstation's store. */
  readonly keptFiles: string[];
}

export function describeConflict(input: {
  stepId: string;
  caseId: string;
  stepKind: StepKind;
  code: string;
  message: string;
  keptFiles: string[];
}): OfficeConflict {
  return {
    ...input,
    whatHappened: `Bước "${STEP_LABEL_VI[input.stepKind]}" không được hệ thống chấp nhận: ${input.message}`,
    whatCanBeDone: officeResolution(input.code) ?? 'Xem chi tiết văn bản và liên hệ quản trị hệ thống nếu cần.',
  };
}
