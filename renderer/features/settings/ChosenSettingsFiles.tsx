import { useState } from 'react';
import type { AppError, Settings } from '../../../preload/contract/index.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';

/** The files settings point at (copies main keeps in the profile), as chosen, never typed. */
export interface ChosenSettingsFiles {
  readonly signaturePng: string;
  readonly sealPng: string;
  readonly trustPaths: readonly string[];
}

export function chosenFiles(s: Settings): ChosenSettingsFiles {
  return { signaturePng: s.images.signaturePng, sealPng: s.images.sealPng, trustPaths: s.verify.trustPaths };
}

/** The file's name only: where main keeps its copy is main's business. */
function nameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function ChosenName({ label, name, testId }: { label: string; name: string; testId: string }) {
  return (
    <p className="hint" data-testid={testId}>
      {label}: {name === '' ? vi.settings.noFileChosen : nameOf(name)}
    </p>
  );
}

/** The trust roots in use: each can be removed; new ones are added with the chooser below. */
export function TrustRoots({ paths, onChanged }: { paths: readonly string[]; onChanged: (s: Settings) => void }) {
  const [failure, setFailure] = useState<AppError | null>(null);
  const remove = async (path: string): Promise<void> => {
    setFailure(null);
    // The list main gave back, less one entry: nothing typed reaches the setting.
    const result = await call('settings.update', { verify: { trustPaths: paths.filter((p) => p !== path) } });
    if (result.ok) {
      onChanged(result.value);
    } else {
      setFailure(result.error);
    }
  };
  return (
    <div data-testid="trust-roots">
      <p className="hint">{vi.settings.trustPaths}</p>
      {paths.length === 0 ? (
        <p className="hint">{vi.settings.noFileChosen}</p>
      ) : (
        <ul>
          {paths.map((path) => (
            <li key={path}>
              {nameOf(path)}{' '}
              <button
                type="button"
                className="secondary"
                aria-label={vi.settings.removeTrustRoot(nameOf(path))}
                onClick={() => void remove(path)}
              >
                {vi.settings.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failure === null ? null : <ErrorNotice error={failure} />}
    </div>
  );
}
