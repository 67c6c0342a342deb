import { useEffect, useState } from 'react';
import type { ProfileEncrypting } from '../../../preload/contract/index.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { viStart } from '../../i18n/vi-start.ts';

/**
 * What the window shows while main encrypts a plain profile in place, before the app opens: only
 * the progress main sends (`profile.encrypting`). It calls nothing: no handler is registered yet.
 */
export function EncryptingScreen() {
  const [progress, setProgress] = useState<ProfileEncrypting | null>(null);
  useEffect(() => vanthu.on('profile.encrypting', setProgress), []);
  return (
    <main className="lock-screen" aria-labelledby="ma-hoa-tieu-de" data-testid="encrypting-screen">
      <h1 id="ma-hoa-tieu-de">{viStart.title}</h1>
      <p className="hint">{viStart.hint}</p>
      <div className="progress" role="status" data-testid="encrypting-progress">
        <EncryptingLine progress={progress} />
      </div>
    </main>
  );
}

function EncryptingLine({ progress }: { progress: ProfileEncrypting | null }) {
  if (progress === null) {
    return <span>{viStart.waiting}</span>;
  }
  switch (progress.phase) {
    case 'key':
      return <span>{viStart.key}</span>;
    case 'database':
      return <span>{viStart.database(Math.ceil(progress.bytes / 1024))}</span>;
    case 'files':
      return (
        <>
          <span>{`${viStart.files} (${progress.done}/${progress.total})`}</span>
          <progress aria-label={viStart.files} value={progress.done} max={Math.max(1, progress.total)} />
        </>
      );
    case 'done':
      return <span>{viStart.done(progress.files)}</span>;
  }
}
