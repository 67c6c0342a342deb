/**
 * What the Trục hears about an incoming document's states. The states, the transitions between
 * them and their labels are the contract's workflow table (preload/contract/workflow.ts), which
 * the store, main's role checks and the renderer all read.
 */
import type { IncomingState } from '../../preload/contract/workflow.ts';

export type { IncomingState, OutgoingState } from '../../preload/contract/workflow.ts';

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
