import type { AppError } from '../../../preload/contract/index.ts';
import { errorTextVi } from '../../../preload/contract/index.ts';
import { vi } from '../../i18n/vi.ts';

export interface ErrorNoticeProps {
  readonly error: AppError;
  readonly onRetry?: () => void;
  readonly onDismiss?: () => void;
}

/**
 * The single presenter for expected errors: the catalog's sentence for the code and what to do,
 * the same words the CLI prints. The host's own message is not shown: the catalog is reviewed text.
 */
export function ErrorNotice({ error, onRetry, onDismiss }: ErrorNoticeProps) {
  const text = errorTextVi[error.code];
  return (
    <div role="alert" className="notice notice-error" data-code={error.code}>
      <strong>{error.code === 'INTERNAL' ? vi.errors.bugTitle : vi.errors.title}</strong>
      <p>{text.message}</p>
      <p>
        {vi.errors.whatToDo}: {text.action}
      </p>
      {onRetry !== undefined || onDismiss !== undefined ? (
        <div className="actions">
          {onRetry !== undefined ? (
            <button type="button" onClick={onRetry}>
              {vi.common.retry}
            </button>
          ) : null}
          {onDismiss !== undefined ? (
            <button type="button" className="secondary" onClick={onDismiss}>
              {vi.common.dismiss}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
