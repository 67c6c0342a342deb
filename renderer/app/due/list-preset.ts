import { OUTGOING_STATE_VALUES, type OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import type { DocumentFilter } from '../../../preload/contract/incoming.ts';

/** `#/van-ban-den/loc/<states or qua-han>`: a list opened from a queue on Tổng quan. */
export const PRESET_SLUG = 'loc';
const LATE = 'qua-han';

export interface ListPreset {
  /** What the address said, also the memo key of the list's load. */
  readonly key: string;
  readonly states: readonly string[];
  readonly overdue: boolean;
}

export function parsePreset(rest: readonly string[]): ListPreset | undefined {
  if (rest[0] !== PRESET_SLUG || rest[1] === undefined) {
    return undefined;
  }
  const key = rest[1];
  return key === LATE
    ? { key, states: [], overdue: true }
    : { key, states: key.split(',').filter((s) => s !== ''), overdue: false };
}

/** The path segments of a queue's list. */
export function presetPath(queue: { states: readonly string[]; overdue: boolean }): string[] {
  return [PRESET_SLUG, queue.overdue ? LATE : queue.states.join(',')];
}

export function presetRequest(preset: ListPreset | undefined): Partial<DocumentFilter> {
  if (preset === undefined) {
    return {};
  }
  return preset.overdue ? { overdue: true } : { states: [...preset.states] };
}

export function outgoingPreset(preset: ListPreset): { states?: OutgoingDocument['state'][]; overdue?: boolean } {
  if (preset.overdue) {
    return { overdue: true };
  }
  return { states: OUTGOING_STATE_VALUES.filter((s) => preset.states.includes(s)) };
}
