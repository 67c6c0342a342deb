import { useState } from 'react';
import type { AppError, ChosenFile, Settings } from '../../../preload/contract/index.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { FilePick } from '../../app/files/FilePick.tsx';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';

export interface SettingsFileChoiceProps {
  readonly use: 'signaturePng' | 'sealPng' | 'trustRoot';
  readonly onUsed: (settings: Settings) => void;
}

/** Choose the image or trust root instead of typing where it is: main keeps a copy in the profile. */
export function SettingsFileChoice({ use, onUsed }: SettingsFileChoiceProps) {
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const take = async (file: ChosenFile): Promise<void> => {
    setFailure(null);
    const result = await call('settings.useFile', { use, handle: file.handle });
    if (result.ok) {
      setChosen(file);
      onUsed(result.value);
    } else {
      setFailure(result.error);
    }
  };
  return (
    <>
      <FilePick
        purpose={use === 'trustRoot' ? 'chung-thu' : 'anh'}
        chosen={chosen}
        onChosen={(file) => void take(file)}
        onError={setFailure}
        testId={`choose-${use}`}
        label={vi.issuing.files.settings[use]}
      />
      {failure === null ? null : <ErrorNotice error={failure} />}
    </>
  );
}
