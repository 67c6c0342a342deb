import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import { roleCan, USER_ROLE_LABEL_VI, type RoleAction } from '../../domain/user-role.ts';
import type { StoreCall } from '../store/store-client.ts';

const ACTION_LABEL_VI: Readonly<Record<RoleAction, string>> = {
  'incoming.register': 'đăng ký văn bản đến',
  'incoming.receive': 'tiếp nhận văn bản đến',
  'outgoing.number': 'cấp số văn bản đi',
  'outgoing.seal': 'đóng dấu (ký số của cơ quan)',
  'outgoing.publish': 'phát hành văn bản đi',
  'incoming.assign': 'phân công xử lý',
  'outgoing.sign': 'ký duyệt văn bản đi',
  'outgoing.recall': 'thu hồi văn bản đi',
  'outgoing.draft': 'tạo dự thảo văn bản đi',
  'incoming.process': 'xử lý văn bản đến',
};

/**
 * The role table (domain/user-role.ts) enforced in main: the renderer only hides what a role
 * cannot do. Read from the local profile on every action, so a change of role applies at once.
 */
export async function requireRole(store: StoreCall, action: RoleAction): Promise<void> {
  const profile = await store('profile.get');
  if (!roleCan(profile.role, action)) {
    throw new VanthuError(
      'ROLE_NOT_ALLOWED',
      errorMessageVi('ROLE_NOT_ALLOWED', `${USER_ROLE_LABEL_VI[profile.role]} không được ${ACTION_LABEL_VI[action]}.`),
      { details: { role: profile.role, action } },
    );
  }
}
