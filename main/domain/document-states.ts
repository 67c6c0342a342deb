/**
 * Workflow states and the transitions the rules allow [ND30 Điều 14, 20–23; S-TN26 Điều 8–9].
 * Pure data: the store checks every change against these tables. The state names themselves
 * are the contract's (the renderer shows them), so they are defined there once.
 */
import { INCOMING_STATE_VALUES } from '../../preload/contract/incoming.ts';
import { OUTGOING_STATE_VALUES } from '../../preload/contract/outgoing.ts';

export const INCOMING_STATES = INCOMING_STATE_VALUES;
export type IncomingState = (typeof INCOMING_STATES)[number];

const INCOMING_NEXT: Readonly<Record<IncomingState, readonly IncomingState[]>> = {
  'da-den': ['da-tiep-nhan', 'tra-lai', 'thu-hoi'],
  'da-tiep-nhan': ['da-trinh', 'thu-hoi'],
  'tra-lai': [],
  // The leader may send a document back to the văn thư ("không thuộc chức năng").
  'da-trinh': ['phan-cong', 'da-tiep-nhan', 'thu-hoi'],
  'phan-cong': ['dang-xu-ly', 'da-trinh', 'thu-hoi'],
  'dang-xu-ly': ['hoan-thanh', 'da-trinh', 'thu-hoi'],
  'hoan-thanh': [],
  'thu-hoi': [],
};

export const OUTGOING_STATES = OUTGOING_STATE_VALUES;
export type OutgoingState = (typeof OUTGOING_STATES)[number];

const OUTGOING_NEXT: Readonly<Record<OutgoingState, readonly OutgoingState[]>> = {
  'du-thao': ['trinh-ky'],
  'trinh-ky': ['da-ky', 'du-thao'],
  'da-ky': ['da-cap-so'],
  'da-cap-so': ['da-dong-dau'],
  'da-dong-dau': ['da-phat-hanh'],
  'da-phat-hanh': ['da-thu-hoi'],
  'da-thu-hoi': [],
};

export function canTransitionIncoming(from: IncomingState, to: IncomingState): boolean {
  return INCOMING_NEXT[from].includes(to);
}

export function canTransitionOutgoing(from: OutgoingState, to: OutgoingState): boolean {
  return OUTGOING_NEXT[from].includes(to);
}

/**
 * Status codes sent back to the sender over the Trục for each incoming state, where one applies
 * (edXML StatusCode, vn-rules §4.5): 01 đã đến is reported by the receiving system on arrival,
 * 03 when the văn thư accepts it; submitting to the leader has no code of its own.
 */
export const INCOMING_STATUS_CODE: Partial<Record<IncomingState, '01' | '02' | '03' | '04' | '05' | '06'>> = {
  'da-tiep-nhan': '03',
  'tra-lai': '02',
  'phan-cong': '04',
  'dang-xu-ly': '05',
  'hoan-thanh': '06',
};

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
