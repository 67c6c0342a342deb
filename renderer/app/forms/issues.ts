import type { AppError } from '../../../preload/contract/index.ts';
import { vi } from '../../i18n/vi.ts';

interface Issue {
  readonly path: readonly string[];
}

/**
 * INVALID_INPUT from the host carries zod issue paths; point each at its form field so the
 * message appears beside what to fix. The zod wording itself is English, so a generic sentence is shown.
 */
export function issuesToFields<F extends string>(
  error: AppError,
  fieldOf: Readonly<Record<string, F>>,
): Partial<Record<F, string>> {
  const issues = error.details?.['issues'];
  if (error.code !== 'INVALID_INPUT' || !Array.isArray(issues)) {
    return {};
  }
  const out: Partial<Record<F, string>> = {};
  for (const issue of issues as Issue[]) {
    const path = issue.path.filter((p) => !/^\d+$/.test(p));
    // Try the full path, then shorter prefixes (input.tenLoai → tenLoai).
    for (let start = 0; start < path.length; start++) {
      const field = fieldOf[path.slice(start).join('.')];
      if (field !== undefined) {
        out[field] = vi.forms.invalidValue;
        break;
      }
    }
  }
  return out;
}
