import { useEffect, useRef } from 'react';
import type { DraftPage } from '../../../preload/contract/issuing.ts';
import type { TheThucFinding } from '../../../preload/contract/the-thuc.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { previewBox } from './preview-box.ts';

const WIDTH_PX = 360;

/**
 * The draft's page as main renders it, with every finding on that page drawn over it; the one
 * chosen in the list is drawn stronger and brought into view.
 */
export function FindingsPreview(props: {
  readonly documentId: string;
  readonly fileSha256: string | null;
  readonly findings: readonly TheThucFinding[];
  readonly selected: number;
}) {
  const t = vi.theThuc;
  const chosen = props.findings[props.selected];
  const pageIndex = chosen?.pageIndex ?? 0;
  const preview = useLoad<DraftPage>('theThuc.page', () => call('theThuc.page', { id: props.documentId, pageIndex }), [
    props.documentId,
    props.fileSha256,
    pageIndex,
  ]);
  const strong = useRef<HTMLDivElement>(null);
  useEffect(() => {
    strong.current?.scrollIntoView({ block: 'nearest' });
  }, [props.selected, preview.data.state]);
  const data = preview.data;
  return (
    <figure className="the-thuc-preview" data-testid="the-thuc-preview">
      {data.state === 'loading' ? <Progress label={t.previewLoading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={preview.reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' ? (
        <div style={{ position: 'relative', display: 'inline-block' }}>
          {data.value.page.image === null ? (
            <div
              style={{
                width: WIDTH_PX,
                height: (WIDTH_PX * data.value.page.height) / data.value.page.width,
                border: '1px solid #888',
              }}
            />
          ) : (
            <img
              src={data.value.page.image}
              alt={t.pageAlt(pageIndex + 1)}
              style={{ width: WIDTH_PX, display: 'block' }}
            />
          )}
          {props.findings.map((f, i) => {
            if (f.pageIndex !== pageIndex || f.box === undefined) {
              return null;
            }
            const px = previewBox(f.box, data.value.page, WIDTH_PX);
            const isChosen = i === props.selected;
            return (
              <div
                key={`${f.rule}-${i}`}
                ref={isChosen ? strong : undefined}
                data-testid="the-thuc-box"
                data-rule={f.rule}
                data-selected={isChosen ? 'true' : 'false'}
                role="img"
                aria-label={t.boxLabel(f.message)}
                title={f.message}
                style={{
                  position: 'absolute',
                  left: px.left - 2,
                  top: px.top - 2,
                  width: px.width + 4,
                  height: px.height + 4,
                  border: `${isChosen ? 3 : 1}px solid #c62828`,
                  background: isChosen ? 'rgba(198,40,40,0.18)' : 'rgba(198,40,40,0.06)',
                }}
              />
            );
          })}
        </div>
      ) : null}
      <figcaption>{chosen === undefined ? null : `${t.page(pageIndex + 1)}: ${chosen.message}`}</figcaption>
    </figure>
  );
}
