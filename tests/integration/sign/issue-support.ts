import { autoPrepareOptions } from '../../../main/services/signing/prepare.ts';
import type { PrepareOptions } from '../../../main/services/pdf/sign/prepare.ts';
import type { PkiMaterial } from '../../support/pki/build.ts';
import { issueDocument, type IssuedPaths } from './flow-support.ts';

/** Today's date in Vietnam (YYYY-MM-DD), the issue date a văn thư would write. */
export function todayVn(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The issuing flow as the app runs it: `prepare --auto` (the organization's field carries its
 * lock from here on) → the leader certifies P=2 → the văn thư numbers → the organization signs
 * its prepared field, whose /Lock becomes its FieldMDP /Reference: no lock is asked at the seal.
 */
export async function issueAuto(
  pki: PkiMaterial,
  bytes: Uint8Array,
  dir: string,
  prepare?: PrepareOptions,
): Promise<IssuedPaths> {
  return issueDocument(pki, bytes, prepare ?? (await autoPrepareOptions(bytes, ['personal', 'organization'])), dir, {});
}
