import { z } from 'zod';
import { YearArrangementSchema, type StoredArrangement } from '../../../preload/contract/calendar.ts';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { FileIntake } from '../files/file-intake.ts';
import { readAttachment } from '../store/attachments.ts';
import type { StoreCall } from '../store/store-client.ts';

const ImportSchema = z.union([YearArrangementSchema, z.array(YearArrangementSchema).min(1).max(10)]);

/**
 * An administrator's import of the year's holiday arrangement: a JSON file chosen through the
 * file chooser (one arrangement or a list). Validated whole before anything is stored, so a bad
 * file changes nothing; stored in the store, which recomputes what is due.
 */
export async function importArrangements(
  deps: { intake: FileIntake; filesDir: string; store: StoreCall },
  handle: string,
): Promise<StoredArrangement[]> {
  const file = deps.intake.get(handle, 'lich-nghi');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(readAttachment(deps.filesDir, file.sha256)).toString('utf8'));
  } catch {
    throw invalid(file.name, 'không đọc được JSON');
  }
  const result = ImportSchema.safeParse(parsed);
  if (!result.success) {
    throw invalid(file.name, result.error.issues[0]?.message ?? 'sai cấu trúc');
  }
  const arrangements = Array.isArray(result.data) ? result.data : [result.data];
  const stored = await deps.store('calendar.store', arrangements, 'import');
  deps.intake.release(handle);
  return stored;
}

function invalid(name: string, reason: string): VanthuError {
  return new VanthuError(
    'INVALID_INPUT',
    errorMessageVi('INVALID_INPUT', `Tệp "${name}" không phải thông báo lịch nghỉ hợp lệ (${reason}).`),
    { details: { reason: 'CALENDAR_FILE', name } },
  );
}
