import type { IncomingState } from './document-states.ts';
import type { RoleAction } from './user-role.ts';

/**
 * Whose step each incoming transition is [ND30 Điều 20–23, S-TN26 Điều 8]: the văn thư receives,
 * returns and presents; the lãnh đạo directs (or sends back to the văn thư); the chuyên viên
 * handles, finishes, or asks the leader again. Recall (thu hồi) follows the sender's notice and is
 * recorded by the văn thư.
 */
export function incomingStepAction(from: IncomingState, to: IncomingState): RoleAction {
  if (to === 'da-tiep-nhan' && from === 'da-trinh') {
    return 'incoming.assign';
  }
  if (to === 'da-trinh' && (from === 'phan-cong' || from === 'dang-xu-ly')) {
    return 'incoming.process';
  }
  switch (to) {
    case 'phan-cong':
      return 'incoming.assign';
    case 'dang-xu-ly':
    case 'hoan-thanh':
      return 'incoming.process';
    default:
      return 'incoming.receive';
  }
}
