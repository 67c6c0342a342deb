/**
 * The workflow table of the two journeys a document takes on this workstation [ND30 Điều 14,
 * 20–23; S-TN26 Điều 8–9]: its states, the actions that move it, the roles that may take each
 * action and the Vietnamese words for all of them. Defined once, here, because three processes
 * read it: the store allows only these transitions, main refuses an action to a role the table
 * does not name (ROLE_NOT_ALLOWED), and the renderer offers a role only the buttons the table
 * gives it. Pure data and lookups.
 *
 * The office journey routed by the provincial server (trình → phân công, trình ký through a
 * trưởng phòng) has its own steps and roles: office-roles.ts.
 */
import type { z } from 'zod';
import type { INCOMING_STATE_VALUES } from './incoming.ts';
import type { UserRoleSchema } from './organizations.ts';
import type { OUTGOING_STATE_VALUES } from './outgoing.ts';

/** The profile's role on this workstation: văn thư, lãnh đạo or chuyên viên (docs/glossary.md). */
export type UserRole = z.infer<typeof UserRoleSchema>;

export const USER_ROLE_LABEL_VI: Readonly<Record<UserRole, string>> = {
  'van-thu': 'Văn thư',
  'lanh-dao': 'Lãnh đạo',
  'chuyen-vien': 'Chuyên viên',
};

export type IncomingState = (typeof INCOMING_STATE_VALUES)[number];
export type OutgoingState = (typeof OUTGOING_STATE_VALUES)[number];

export const INCOMING_STATE_LABEL_VI: Readonly<Record<IncomingState, string>> = {
  'da-den': 'Đã đến',
  'da-tiep-nhan': 'Đã tiếp nhận',
  'tra-lai': 'Trả lại',
  'da-trinh': 'Đã trình',
  'phan-cong': 'Phân công',
  'dang-xu-ly': 'Đang xử lý',
  'hoan-thanh': 'Hoàn thành',
  'thu-hoi': 'Thu hồi',
};

export const OUTGOING_STATE_LABEL_VI: Readonly<Record<OutgoingState, string>> = {
  'du-thao': 'Dự thảo',
  'trinh-ky': 'Trình ký',
  'da-ky': 'Lãnh đạo đã ký',
  'da-cap-so': 'Đã cấp số',
  'da-dong-dau': 'Đã đóng dấu',
  'da-phat-hanh': 'Đã phát hành',
  'da-thu-hoi': 'Đã thu hồi',
};

/**
 * One action: who may take it, what a refusal says it is ("Lãnh đạo không được {duty}.") and the
 * words on its button. Register, draft and appendix change no state but are role-checked the same way.
 */
export interface WorkflowAction {
  readonly roles: readonly UserRole[];
  readonly duty: string;
  readonly button: string;
}

export const WORKFLOW_ACTIONS = {
  'incoming.register': { roles: ['van-thu'], duty: 'đăng ký văn bản đến', button: 'Đăng ký' },
  'incoming.receive': { roles: ['van-thu'], duty: 'tiếp nhận văn bản đến', button: 'Tiếp nhận' },
  'incoming.return': { roles: ['van-thu'], duty: 'trả lại văn bản đến', button: 'Trả lại…' },
  'incoming.submit': { roles: ['van-thu'], duty: 'trình lãnh đạo văn bản đến', button: 'Trình lãnh đạo…' },
  'incoming.assign': { roles: ['lanh-dao'], duty: 'phân công xử lý', button: 'Phân công' },
  'incoming.backToClerk': { roles: ['lanh-dao'], duty: 'chuyển lại văn thư', button: 'Chuyển lại văn thư' },
  'incoming.start': { roles: ['chuyen-vien'], duty: 'xử lý văn bản đến', button: 'Bắt đầu xử lý' },
  'incoming.finish': { roles: ['chuyen-vien'], duty: 'báo cáo hoàn thành', button: 'Hoàn thành' },
  'incoming.askLeader': { roles: ['chuyen-vien'], duty: 'trình lại lãnh đạo', button: 'Trình lại lãnh đạo' },
  // Recorded by the văn thư (or by sync) when the sender recalls it [ND30 Điều 18 k4b].
  'incoming.recall': { roles: ['van-thu'], duty: 'ghi nhận thu hồi văn bản đến', button: 'Thu hồi' },
  'outgoing.draft': { roles: ['chuyen-vien'], duty: 'tạo dự thảo văn bản đi', button: 'Lưu dự thảo' },
  'outgoing.submit': { roles: ['chuyen-vien'], duty: 'trình ký dự thảo', button: 'Trình ký' },
  'outgoing.sign': { roles: ['lanh-dao'], duty: 'ký duyệt văn bản đi', button: 'Mở Ký duyệt' },
  'outgoing.return': { roles: ['lanh-dao'], duty: 'trả lại dự thảo', button: 'Trả lại dự thảo' },
  'outgoing.issueNumber': { roles: ['van-thu'], duty: 'cấp số văn bản đi', button: 'Cấp số' },
  'outgoing.seal': { roles: ['van-thu'], duty: 'đóng dấu (ký số của cơ quan)', button: 'Đóng dấu (ký số cơ quan)' },
  // Appendices carry the organization's signature: the văn thư's, like the seal.
  'outgoing.appendix': { roles: ['van-thu'], duty: 'thêm, bớt phụ lục', button: 'Thêm phụ lục' },
  'outgoing.publish': { roles: ['van-thu'], duty: 'phát hành văn bản đi', button: 'Phát hành' },
  'outgoing.recall': { roles: ['lanh-dao'], duty: 'thu hồi văn bản đi', button: 'Thu hồi…' },
} as const satisfies Readonly<Record<string, WorkflowAction>>;

export type WorkflowActionName = keyof typeof WORKFLOW_ACTIONS;

export interface Transition<S extends string, A extends WorkflowActionName> {
  readonly from: S;
  readonly action: A;
  readonly to: S;
}

/** The incoming journey. The leader may send a document back ("không thuộc chức năng"); the chuyên viên may ask again. */
export const INCOMING_TRANSITIONS = [
  { from: 'da-den', action: 'incoming.receive', to: 'da-tiep-nhan' },
  { from: 'da-den', action: 'incoming.return', to: 'tra-lai' },
  { from: 'da-den', action: 'incoming.recall', to: 'thu-hoi' },
  { from: 'da-tiep-nhan', action: 'incoming.submit', to: 'da-trinh' },
  { from: 'da-tiep-nhan', action: 'incoming.recall', to: 'thu-hoi' },
  { from: 'da-trinh', action: 'incoming.assign', to: 'phan-cong' },
  { from: 'da-trinh', action: 'incoming.backToClerk', to: 'da-tiep-nhan' },
  { from: 'da-trinh', action: 'incoming.recall', to: 'thu-hoi' },
  { from: 'phan-cong', action: 'incoming.start', to: 'dang-xu-ly' },
  { from: 'phan-cong', action: 'incoming.askLeader', to: 'da-trinh' },
  { from: 'phan-cong', action: 'incoming.recall', to: 'thu-hoi' },
  { from: 'dang-xu-ly', action: 'incoming.finish', to: 'hoan-thanh' },
  { from: 'dang-xu-ly', action: 'incoming.askLeader', to: 'da-trinh' },
  { from: 'dang-xu-ly', action: 'incoming.recall', to: 'thu-hoi' },
] as const satisfies readonly Transition<IncomingState, WorkflowActionName>[];

/** The issuing chain: dự thảo → trình ký → ký duyệt → cấp số → đóng dấu → phát hành (→ thu hồi). */
export const OUTGOING_TRANSITIONS = [
  { from: 'du-thao', action: 'outgoing.submit', to: 'trinh-ky' },
  { from: 'trinh-ky', action: 'outgoing.sign', to: 'da-ky' },
  { from: 'trinh-ky', action: 'outgoing.return', to: 'du-thao' },
  { from: 'da-ky', action: 'outgoing.issueNumber', to: 'da-cap-so' },
  { from: 'da-cap-so', action: 'outgoing.seal', to: 'da-dong-dau' },
  { from: 'da-dong-dau', action: 'outgoing.publish', to: 'da-phat-hanh' },
  { from: 'da-phat-hanh', action: 'outgoing.recall', to: 'da-thu-hoi' },
] as const satisfies readonly Transition<OutgoingState, WorkflowActionName>[];

export type IncomingTransition = (typeof INCOMING_TRANSITIONS)[number];
export type OutgoingTransition = (typeof OUTGOING_TRANSITIONS)[number];
export type IncomingMove = IncomingTransition['action'];
export type OutgoingMove = OutgoingTransition['action'];

/** The row that takes an incoming document from `from` to `to`, if the table has one. */
export function incomingTransition(from: IncomingState, to: IncomingState): IncomingTransition | undefined {
  return INCOMING_TRANSITIONS.find((row) => row.from === from && row.to === to);
}

/** The row for taking `action` on an outgoing document in state `from`, if the table has one. */
export function outgoingTransition(from: OutgoingState, action: OutgoingMove): OutgoingTransition | undefined {
  return OUTGOING_TRANSITIONS.find((row) => row.from === from && row.action === action);
}

/** The one row of an outgoing action: each step of the issuing chain is taken from one state only. */
export function outgoingStep(action: OutgoingMove): OutgoingTransition {
  const row = OUTGOING_TRANSITIONS.find((candidate) => candidate.action === action);
  if (row === undefined) {
    throw new Error(`no row for ${action} in OUTGOING_TRANSITIONS`);
  }
  return row;
}

export function roleCan(role: UserRole, action: WorkflowActionName): boolean {
  return (WORKFLOW_ACTIONS[action].roles as readonly UserRole[]).includes(role);
}

/** Everything a role may do here, for the profile (the UI offers only these). */
export function actionsOfRole(role: UserRole): WorkflowActionName[] {
  return (Object.keys(WORKFLOW_ACTIONS) as WorkflowActionName[]).filter((action) => roleCan(role, action));
}

/** The rows a role may take from a state, in the table's order. */
export function movesFrom<T extends IncomingTransition | OutgoingTransition>(
  table: readonly T[],
  from: IncomingState | OutgoingState,
  role: UserRole,
): T[] {
  return table.filter((row) => row.from === from && roleCan(role, row.action));
}
