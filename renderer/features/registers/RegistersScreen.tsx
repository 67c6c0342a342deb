import type { z } from 'zod';
import type { RegisterStatusSchema } from '../../../preload/contract/registers.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { PrintRegister } from './PrintRegister.tsx';

type RegisterStatus = z.infer<typeof RegisterStatusSchema>;

/** Sổ đăng ký: the registers of the organization, the numbers left for offline work, and printing. */
export function RegistersScreen() {
  const { data, reload } = useLoad<RegisterStatus[]>('registers.list', () => call('registers.list', {}), []);
  useShortcut(SHORTCUTS.reload, reload);
  const c = vi.registers.columns;
  const denYears = data.state === 'ready' ? data.value.filter((r) => r.kind === 'den').map((r) => r.year) : [];
  const newestDen = denYears.length === 0 ? undefined : Math.max(...denYears);
  return (
    <section aria-labelledby="registers-title">
      <h1 id="registers-title">{vi.registers.title}</h1>
      {data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' && data.value.length === 0 ? <p role="status">{vi.registers.empty}</p> : null}
      {data.state === 'ready' && data.value.length > 0 ? (
        <table className="table" data-testid="registers-table">
          <thead>
            <tr>
              <th scope="col">{c.kind}</th>
              <th scope="col">{c.year}</th>
              <th scope="col">{c.series}</th>
              <th scope="col">{c.quyenSo}</th>
              <th scope="col">{c.remaining}</th>
            </tr>
          </thead>
          <tbody>
            {data.value.map((r) => (
              <tr key={r.id}>
                <td>{vi.registers.kinds[r.kind]}</td>
                <td>{r.year}</td>
                <td>{r.series === '' ? vi.registers.mainSeries : r.series}</td>
                <td>{r.quyenSo}</td>
                <td>{r.remaining === null ? vi.registers.openLease : r.remaining}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <PrintRegister key={newestDen ?? 'none'} defaultYear={newestDen} />
    </section>
  );
}
