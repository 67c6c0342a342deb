import { useState } from 'react';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import type { TheThucReport } from '../../../preload/contract/the-thuc.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { FindingsPreview } from './FindingsPreview.tsx';

export interface TheThucPanelProps {
  /** The drafts the leader is about to sign. */
  readonly documents: readonly OutgoingDocument[];
}

/**
 * Thể thức findings of the drafts selected for signing (NĐ 30 Phụ lục I). Each finding says
 * what is wrong, on which page, the rule's source and what it tolerates. Warnings only: the
 * sign button never waits for this panel.
 */
export function TheThucPanel(props: TheThucPanelProps) {
  if (props.documents.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="the-thuc-title" data-testid="the-thuc-panel">
      <h2 id="the-thuc-title">{vi.theThuc.title}</h2>
      {props.documents.map((d) => (
        <DraftFindings key={d.id} document={d} />
      ))}
    </section>
  );
}

function DraftFindings({ document }: { readonly document: OutgoingDocument }) {
  const report = useLoad<TheThucReport>('theThuc.checkDraft', () => call('theThuc.checkDraft', { id: document.id }), [
    document.id,
    document.fileSha256,
  ]);
  const [selected, setSelected] = useState(0);
  const data = report.data;
  return (
    <div data-testid="the-thuc-document">
      <h3>
        {document.tenLoai} {document.trichYeu}
      </h3>
      {data.state === 'loading' ? <p role="status">{vi.theThuc.checking}</p> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={report.reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' && data.value.findings.length === 0 ? (
        <p className="notice notice-ok" role="status">
          {vi.theThuc.clean(data.value.rulesChecked.length)}
        </p>
      ) : null}
      {data.state === 'ready' && data.value.findings.length > 0 ? (
        <ul className="notice notice-warn" data-testid="the-thuc-findings">
          {data.value.findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} data-rule={f.rule}>
              {vi.theThuc.page(f.pageIndex + 1)}: {f.message}{' '}
              <span className="hint">{vi.theThuc.why(f.source, f.tolerance)}</span>{' '}
              {f.box === undefined ? null : (
                <button
                  type="button"
                  className="secondary"
                  aria-pressed={i === selected}
                  onClick={() => setSelected(i)}
                  data-testid="the-thuc-show"
                >
                  {vi.theThuc.show}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {data.state === 'ready' && data.value.findings.some((f) => f.box !== undefined) ? (
        <FindingsPreview
          documentId={document.id}
          fileSha256={document.fileSha256}
          findings={data.value.findings}
          selected={Math.min(selected, data.value.findings.length - 1)}
        />
      ) : null}
    </div>
  );
}
