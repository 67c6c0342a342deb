import { useEffect, useState } from 'react';
import type { OfficeConflictDto, QueueEntryDto, SignedInPersonDto } from '../../../preload/contract/office.ts';
import type { StepKind } from '../../../preload/contract/office-roles.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { viOffice } from '../../i18n/vi-office.ts';
import { OfficeConflicts } from './OfficeConflicts.tsx';
import { PersonSignIn } from './PersonSignIn.tsx';
import { QueueTable } from './QueueTable.tsx';
import { isFormStep } from './step-draft.ts';
import { StepForm } from './StepForm.tsx';

/** Reading the local queue is cheap (main's long-poll fills it); a short refresh shows new items at once. */
const REFRESH_MS = 2_000;

/** Hàng đợi của tôi: who is signed in here, what arrived for them, and their steps the server refused. */
export function QueueScreen() {
  const person = useLoad<SignedInPersonDto | null>('people.current', () => call('people.current', {}), []);
  const signedIn = person.data.state === 'ready' && person.data.value !== null;
  const queue = useLoad<QueueEntryDto[]>(
    'office.queue',
    () => (signedIn ? call('office.queue', {}) : Promise.resolve({ ok: true, value: [] })),
    [signedIn],
  );
  const conflicts = useLoad<OfficeConflictDto[]>(
    'office.conflicts',
    () => (signedIn ? call('office.conflicts', {}) : Promise.resolve({ ok: true, value: [] })),
    [signedIn],
  );
  const colleagues = useLoad<Omit<SignedInPersonDto, 'mode'>[]>(
    'people.colleagues',
    () => (signedIn ? call('people.colleagues', {}) : Promise.resolve({ ok: true, value: [] })),
    [signedIn],
  );
  const [acting, setActing] = useState<{ entry: QueueEntryDto; step: StepKind } | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const { reload: reloadQueue } = queue;
  const { reload: reloadConflicts } = conflicts;
  useEffect(() => {
    if (!signedIn) {
      return undefined;
    }
    const timer = setInterval(() => {
      reloadQueue();
      reloadConflicts();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [signedIn, reloadQueue, reloadConflicts]);
  const t = viOffice;
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t.title}</h1>
      {person.data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {person.data.state === 'failed' ? <ErrorNotice error={person.data.error} onRetry={person.reload} /> : null}
      {person.data.state === 'missing' ? <ServiceMissing channel={person.data.channel} /> : null}
      {person.data.state === 'ready' && person.data.value === null ? <PersonSignIn onSignedIn={person.reload} /> : null}
      {person.data.state === 'ready' && person.data.value !== null ? (
        <>
          <p data-testid="office-person">
            {t.person(person.data.value.fullName, person.data.value.roles.map((role) => t.roles[role]).join(', '))}
          </p>
          {person.data.value.mode === 'offline' ? <p className="notice notice-warn">{t.offline}</p> : null}
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => void call('people.signOut', {}).then(() => person.reload())}
            >
              {t.signOut}
            </button>
          </div>
          {taken === null ? null : (
            <p role="status" className="notice notice-ok" data-testid="office-step-taken">
              {taken}
            </p>
          )}
          {queue.data.state === 'ready' ? (
            <QueueTable
              entries={queue.data.value}
              roles={person.data.value.roles}
              onAct={(entry, step) => {
                setTaken(null);
                setActing({ entry, step });
              }}
            />
          ) : null}
          {acting !== null && isFormStep(acting.step) ? (
            <StepForm
              key={`${acting.entry.stepId}-${acting.step}`}
              step={acting.step}
              entry={acting.entry}
              colleagues={colleagues.data.state === 'ready' ? colleagues.data.value : []}
              onCancel={() => setActing(null)}
              onDone={(message) => {
                setActing(null);
                setTaken(message);
                reloadQueue();
              }}
            />
          ) : null}
          {queue.data.state === 'failed' ? <ErrorNotice error={queue.data.error} onRetry={reloadQueue} /> : null}
          <h2>{t.conflicts.title}</h2>
          {conflicts.data.state === 'ready' ? <OfficeConflicts conflicts={conflicts.data.value} /> : null}
        </>
      ) : null}
    </section>
  );
}
