import type { AppError } from '../../../preload/contract/index.ts';
import { errorTextVi } from '../../../preload/contract/index.ts';
import { vi } from '../../i18n/vi.ts';
import { hrefOf } from '../frame/routes.ts';

export interface ErrorNoticeProps {
  readonly error: AppError;
  readonly onRetry?: () => void;
  readonly onDismiss?: () => void;
}

/** Settings a service may report as missing (details.field), with the label the Cài đặt form uses. */
const SETTING_LABELS: Readonly<Record<string, string>> = {
  'organization.maDinhDanh': vi.settings.maDinhDanh,
  'organization.name': vi.settings.orgName,
  'server.url': vi.settings.serverUrl,
  'server.username': vi.settings.username,
  'images.signaturePng': vi.settings.signaturePng,
  'images.sealPng': vi.settings.sealPng,
};

/**
 * The single presenter for expected errors: the specific reason main built (the catalog's sentence
 * for the code plus what exactly was wrong, e.g. which number differs from the record), then what
 * to do, the same words the CLI prints. When a service names a missing setting, the notice says
 * which one and links to Cài đặt, because "check the marked fields" would point nowhere.
 */
export function ErrorNotice({ error, onRetry, onDismiss }: ErrorNoticeProps) {
  const text = errorTextVi[error.code];
  const field = error.details?.['field'];
  const setting = typeof field === 'string' ? SETTING_LABELS[field] : undefined;
  return (
    <div role="alert" className="notice notice-error" data-code={error.code}>
      <strong>{error.code === 'INTERNAL' ? vi.errors.bugTitle : vi.errors.title}</strong>
      <p data-testid="error-message">{error.message === '' ? text.message : error.message}</p>
      {typeof error.details?.['reason'] === 'string' ? (
        // The reason as data, for the help desk: the same code the log and the CLI show.
        <small className="hint" data-testid="error-reason">
          {vi.errors.reasonCode(error.details['reason'])}
        </small>
      ) : null}
      {setting === undefined ? (
        <p>
          {vi.errors.whatToDo}: {text.action}
        </p>
      ) : (
        <p>
          {vi.errors.settingMissing(setting)} <a href={hrefOf('settings')}>{vi.errors.openSettings}</a>
        </p>
      )}
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
