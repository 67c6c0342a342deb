/**
 * Roles of the person using this workstation. The văn thư receives, registers, numbers, seals
 * and sends; the lãnh đạo reviews and signs [ND30 Điều 14, 20–23]. A chuyên viên drafts.
 */
export const USER_ROLES = ['van-thu', 'lanh-dao', 'chuyen-vien'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_ROLE_LABEL_VI: Readonly<Record<UserRole, string>> = {
  'van-thu': 'Văn thư',
  'lanh-dao': 'Lãnh đạo',
  'chuyen-vien': 'Chuyên viên',
};

/** What each role does here; the UI offers only these actions (the server has the last word). */
export const ROLE_ACTIONS = {
  'van-thu': ['incoming.register', 'incoming.receive', 'outgoing.number', 'outgoing.seal', 'outgoing.publish'],
  'lanh-dao': ['incoming.assign', 'outgoing.sign', 'outgoing.recall'],
  'chuyen-vien': ['outgoing.draft', 'incoming.process'],
} as const satisfies Record<UserRole, readonly string[]>;
export type RoleAction = (typeof ROLE_ACTIONS)[UserRole][number];

export function roleCan(role: UserRole, action: RoleAction): boolean {
  return (ROLE_ACTIONS[role] as readonly string[]).includes(action);
}
