import { useEffect, useRef, useState } from 'react';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { navigate } from '../../app/frame/use-route.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { IncomingTable } from './IncomingTable.tsx';
import { PresetNotice } from '../../app/due/PresetNotice.tsx';
import { presetRequest, type ListPreset } from '../../app/due/list-preset.ts';
import { FILTER_IDS, filterRequest, type FilterId } from './incoming-filters.ts';

/** How long typing may pause before the search runs; each keystroke would otherwise query the store. */
const SEARCH_PAUSE_MS = 250;

/** The văn thư's inbox: quick filters, search, urgent documents first. */
export function IncomingList({ preset }: { preset?: ListPreset | undefined }) {
  const [filter, setFilter] = useState<FilterId>('all');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [urgent, setUrgent] = useState(true);
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search), SEARCH_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [search]);
  const { data, reload } = useLoad<IncomingDocument[]>(
    'incoming.list',
    () =>
      call('incoming.list', {
        ...filterRequest(filter, query),
        ...presetRequest(preset),
        // Most pressing first (late, then at once, then by due time), ordered by the store.
        ...(urgent ? { order: 'khan-truoc' as const } : {}),
      }),
    [filter, query, urgent, preset?.key],
  );
  // A verdict from the background check shows up without the clerk reloading.
  useEffect(() => vanthu.on('incoming.checked', reload), [reload]);
  useShortcut(SHORTCUTS.search, () => searchBox.current?.focus());
  useShortcut(SHORTCUTS.reload, reload);
  useShortcut(SHORTCUTS.create, () => navigate('incoming', 'moi'));

  return (
    <>
      <div className="toolbar">
        <label>
          {vi.incoming.searchLabel}
          <input
            ref={searchBox}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-keyshortcuts="/"
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />
          {vi.incoming.urgentFirst}
        </label>
        <button type="button" className="secondary" onClick={reload} aria-keyshortcuts="Alt+R">
          {vi.common.reload}
        </button>
        <a className="button" href="#/van-ban-den/moi" aria-keyshortcuts="Alt+N">
          {vi.incoming.registerNew}
        </a>
      </div>
      <div className="filters" role="group" aria-label={vi.incoming.filtersLabel}>
        {FILTER_IDS.map((id) => (
          <button
            key={id}
            type="button"
            className="secondary"
            aria-pressed={filter === id}
            onClick={() => setFilter(id)}
          >
            {vi.incoming.filters[id]}
          </button>
        ))}
      </div>
      {data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      <PresetNotice preset={preset} section="incoming" />
      {data.state === 'ready' ? <IncomingTable documents={data.value} /> : null}
    </>
  );
}
