import { useState } from 'react';
import { OUTGOING_STATE_VALUES, type OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { hrefOf } from '../../app/frame/routes.ts';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { navigate } from '../../app/frame/use-route.ts';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { DueBadge } from '../../app/due/DueBadge.tsx';
import { outgoingPreset, type ListPreset } from '../../app/due/list-preset.ts';
import { PresetNotice } from '../../app/due/PresetNotice.tsx';
import { dateVi } from '../../shared/dates.ts';

type StateFilter = OutgoingDocument['state'] | 'all';

/** Outgoing documents by stage: dự thảo, trình ký, đã ký … đã phát hành. */
export function OutgoingList({ preset }: { preset?: ListPreset | undefined }) {
  const [state, setState] = useState<StateFilter>('all');
  const { data, reload } = useLoad<OutgoingDocument[]>(
    'outgoing.list',
    () =>
      call('outgoing.list', {
        ...(state === 'all' ? {} : { state }),
        ...(preset === undefined ? {} : outgoingPreset(preset)),
        order: 'khan-truoc',
      }),
    [state, preset?.key],
  );
  useShortcut(SHORTCUTS.reload, reload);
  useShortcut(SHORTCUTS.create, () => navigate('outgoing', 'moi'));
  const c = vi.outgoing.columns;
  return (
    <>
      <div className="toolbar">
        <button type="button" className="secondary" onClick={reload} aria-keyshortcuts="Alt+R">
          {vi.common.reload}
        </button>
        <a className="button" href={hrefOf('outgoing', 'moi')} aria-keyshortcuts="Alt+N">
          {vi.outgoing.newDraft}
        </a>
      </div>
      <div className="filters" role="group" aria-label={vi.outgoing.filtersLabel}>
        {(['all', ...OUTGOING_STATE_VALUES] as const).map((s) => (
          <button key={s} type="button" className="secondary" aria-pressed={state === s} onClick={() => setState(s)}>
            {s === 'all' ? vi.incoming.filters.all : vi.outgoing.states[s]}
          </button>
        ))}
      </div>
      <PresetNotice preset={preset} section="outgoing" />
      {data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' && data.value.length === 0 ? <p role="status">{vi.outgoing.empty}</p> : null}
      {data.state === 'ready' && data.value.length > 0 ? (
        <table className="table" data-testid="outgoing-table">
          <thead>
            <tr>
              <th scope="col">{c.soKyHieu}</th>
              <th scope="col">{c.ngay}</th>
              <th scope="col">{c.trichYeu}</th>
              <th scope="col">{c.state}</th>
            </tr>
          </thead>
          <tbody>
            {data.value.map((d) => (
              <tr key={d.id}>
                <td>{d.soKyHieu ?? vi.outgoing.noNumber}</td>
                <td>{dateVi(d.ngayBanHanh)}</td>
                <td>
                  <a href={hrefOf('outgoing', d.id)}>
                    {d.tenLoai} {d.trichYeu}
                  </a>
                </td>
                <td>
                  {vi.outgoing.states[d.state]} <DueBadge due={d.due} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
