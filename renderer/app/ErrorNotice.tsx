import type { AppError } from '../../preload/contract/index.ts';
import { errorTextVi } from '../../preload/contract/index.ts';
import { vi } from '../i18n/vi.ts';

/** The single presenter for expected errors: the catalog's sentence and what to do. */
export function ErrorNotice({ error }: { error: AppError }) {
  const text = errorTextVi[error.code];
  return (
    <div role="alert" className="notice notice-error">
      <strong>{vi.errors.title}</strong>
      <p>{text.message}</p>
      <p>
        {vi.errors.whatToDo}: {text.action}
      </p>
    </div>
  );
}
