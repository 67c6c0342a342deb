import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { hrefOf } from '../../app/frame/routes.ts';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { useRole } from '../../shared/use-role.ts';
import { dateVi } from '../../shared/dates.ts';
import { OutgoingActions } from './OutgoingActions.tsx';
import { PlacementPreview } from './PlacementPreview.tsx';
import { ReturnDraft } from './ReturnDraft.tsx';
import { AppendixPanel } from './AppendixPanel.tsx';
import { TheThucPanel } from '../../shared/the-thuc/TheThucPanel.tsx';

/** One outgoing document: its facts, its next step, and after publication the recipients' statuses. */
export function OutgoingDetail({ id }: { id: string }) {
  const { data, reload } = useLoad<OutgoingDocument>('outgoing.get', () => call('outgoing.get', { id }), [id]);
  // The next step is the role's row of the workflow table: the page shows with it, not before.
  const role = useRole();
  const f = vi.outgoing.fields;
  return (
    <>
      <p>
        <a href={hrefOf('outgoing')}>{vi.common.back}</a>
      </p>
      {data.state === 'loading' || role === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' && role !== 'loading' ? (
        <article aria-labelledby="out-title" data-testid="outgoing-detail">
          <h2 id="out-title">
            {data.value.tenLoai} {data.value.trichYeu}
          </h2>
          <dl className="facts">
            <dt>{vi.outgoing.columns.state}</dt>
            <dd>{vi.outgoing.states[data.value.state]}</dd>
            <dt>{vi.outgoing.columns.soKyHieu}</dt>
            <dd>{data.value.soKyHieu ?? vi.outgoing.noNumber}</dd>
            <dt>{vi.outgoing.columns.ngay}</dt>
            <dd>{dateVi(data.value.ngayBanHanh)}</dd>
            <dt>{f.coQuanBanHanh}</dt>
            <dd>{data.value.coQuanBanHanh}</dd>
            <dt>{f.nguoiKy}</dt>
            <dd>{[data.value.chucVu, data.value.nguoiKy].filter(Boolean).join(' ')}</dd>
            {data.value.recallReason === null ? null : (
              <>
                <dt>{vi.outgoing.recallReason}</dt>
                <dd>{data.value.recallReason}</dd>
              </>
            )}
          </dl>
          <OutgoingActions document={data.value} role={role} onChanged={reload} />
          {/* The drafter sees the draft's thể thức as soon as it is stored, before trình ký. */}
          {data.value.state === 'du-thao' && data.value.fileSha256 !== null ? (
            <TheThucPanel documents={[data.value]} />
          ) : null}
          <ReturnDraft document={data.value} role={role} onChanged={reload} />
          <PlacementPreview document={data.value} />
          <AppendixPanel document={data.value} onChanged={reload} />
          <h3>{vi.outgoing.groups.recipients}</h3>
          {data.value.recipients.length === 0 ? <p>{vi.common.none}</p> : null}
          {data.value.recipients.length > 0 ? (
            <table className="table" data-testid="recipients">
              <thead>
                <tr>
                  <th scope="col">{vi.outgoing.recipientColumns.code}</th>
                  <th scope="col">{vi.outgoing.recipientColumns.name}</th>
                  <th scope="col">{vi.outgoing.recipientColumns.status}</th>
                </tr>
              </thead>
              <tbody>
                {data.value.recipients.map((r) => (
                  <tr key={r.maDinhDanh}>
                    <td>{r.maDinhDanh}</td>
                    <td>{r.ten}</td>
                    <td>
                      {r.statusCode === null
                        ? vi.outgoing.noStatus
                        : (vi.outgoing.statusCodes[r.statusCode as keyof typeof vi.outgoing.statusCodes] ??
                          r.statusCode)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </article>
      ) : null}
    </>
  );
}
