import { QUEUE_VALUES } from '../../preload/contract/overview.ts';
import type { IncomingState, OutgoingState } from './document-states.ts';
import type { UserRole } from '../../preload/contract/workflow.ts';

/**
 * The work queues Tổng quan counts (issue #20): each is a set of states of one kind of document,
 * or everything past its due time. One definition, used both for the counts and for the filtered
 * list a click opens, so the two always agree.
 */
export const QUEUES = QUEUE_VALUES;
export type Queue = (typeof QUEUES)[number];

export type QueueScope =
  | { readonly entity: 'incoming'; readonly states: readonly IncomingState[] }
  | { readonly entity: 'outgoing'; readonly states: readonly OutgoingState[] }
  | { readonly entity: 'both'; readonly overdue: true };

export const QUEUE_SCOPE: Readonly<Record<Queue, QueueScope>> = {
  'cho-tiep-nhan': { entity: 'incoming', states: ['da-den'] },
  'cho-trinh': { entity: 'incoming', states: ['da-tiep-nhan'] },
  'cho-y-kien': { entity: 'incoming', states: ['da-trinh'] },
  'cho-ky': { entity: 'outgoing', states: ['trinh-ky'] },
  'cho-phat-hanh': { entity: 'outgoing', states: ['da-ky', 'da-cap-so', 'da-dong-dau'] },
  'dang-xu-ly': { entity: 'incoming', states: ['phan-cong', 'dang-xu-ly'] },
  'qua-han': { entity: 'both', overdue: true },
};

/**
 * Which queues are a person's, by role [ND30 Điều 14, 20–23]: the văn thư receives, presents and
 * issues; the lãnh đạo gives ý kiến and signs and watches processing; the chuyên viên processes.
 * Everyone watches what is late.
 */
export const ROLE_QUEUES: Readonly<Record<UserRole, readonly Queue[]>> = {
  'van-thu': ['cho-tiep-nhan', 'cho-trinh', 'cho-phat-hanh', 'qua-han'],
  'lanh-dao': ['cho-y-kien', 'cho-ky', 'dang-xu-ly', 'qua-han'],
  'chuyen-vien': ['dang-xu-ly', 'qua-han'],
};
