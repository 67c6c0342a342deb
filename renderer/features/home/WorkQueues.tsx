import { useEffect } from 'react';
import type { Overview } from '../../../preload/contract/overview.ts';
import { presetPath } from '../../app/due/list-preset.ts';
import { hrefOf } from '../../app/frame/routes.ts';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';

/** The person's queues with their counts (one call, counted in main), each a link into its list. */
export function WorkQueues() {
  const { data, reload } = useLoad<Overview>('overview.get', () => call('overview.get', {}), []);
  useEffect(() => {
    // An arrival or a finished sync round changes the counts.
    const stops = [vanthu.on('sync.changed', reload), vanthu.on('notice.desktop', reload)];
    return () => stops.forEach((stop) => stop());
  }, [reload]);
  const t = vi.work.overview;
  if (data.state === 'failed') {
    return <p className="hint">{t.notConfigured}</p>;
  }
  if (data.state !== 'ready') {
    return null;
  }
  return (
    <section aria-labelledby="queues-title">
      <h2 id="queues-title">{t.queuesTitle}</h2>
      <p className="hint">{t.role(t.roles[data.value.role])}</p>
      <ul className="queues" data-testid="queues">
        {data.value.queues.map((q) => (
          <li key={q.queue} className={q.queue === 'qua-han' && q.count > 0 ? 'queue-late' : undefined}>
            <a
              href={hrefOf(q.list === 'incoming' ? 'incoming' : 'outgoing', ...presetPath(q))}
              data-testid={`queue-${q.queue}`}
            >
              <span className="queue-count">{q.count.toLocaleString('vi-VN')}</span>
              {t.queue[q.queue]}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
