import { useEffect, useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { AppError, ChosenFile } from '../../../preload/contract/index.ts';
import type { DraftPage, PlacedField, PlacedFields } from '../../../preload/contract/issuing.ts';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { boxFromPointer, centredBox, nudged, placedField, type FieldKind, type ScreenBox } from './field-box.ts';

const PAGE_WIDTH_PX = 520;
const KINDS: readonly FieldKind[] = ['so', 'ngay'];

export interface FieldPlacementProps {
  readonly pdf: ChosenFile;
  /** The field prepare could not find (`details.kind` of PDF_FIELD_PLACEMENT_NOT_FOUND). */
  readonly kind: FieldKind;
  readonly placed: PlacedFields;
  readonly onPlace: (kind: FieldKind, field: PlacedField | undefined) => void;
  readonly onError: (error: AppError) => void;
}

/**
 * Where the draft's text did not reveal the số or date line, the person draws the field's box on
 * the rendered page before the draft goes to the leader (after the certification no field can be
 * added). The page comes from main by the file's handle; the box travels back in displayed points
 * and main turns it into the page's user space from the file itself.
 */
export function FieldPlacement({ pdf, kind, placed, onPlace, onError }: FieldPlacementProps) {
  const titleId = useId();
  const [pageIndex, setPageIndex] = useState(placed[kind]?.pageIndex ?? 0);
  // Kept with the page it shows, so a page turn shows the progress line until the new one comes.
  const [shown, setShown] = useState<{ key: string; preview: DraftPage } | null>(null);
  const key = `${pdf.handle}:${pageIndex}`;
  const [pressed, setPressed] = useState<{ x: number; y: number } | null>(null);
  const [dragging, setDragging] = useState<ScreenBox | null>(null);
  const label = vi.placement.fields[kind];

  useEffect(() => {
    let live = true;
    void call('issuing.draftPage', { pdf: pdf.handle, pageIndex }).then((result) => {
      if (!live) {
        return;
      }
      if (result.ok) {
        setShown({ key: `${pdf.handle}:${pageIndex}`, preview: result.value });
      } else {
        onError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [pdf.handle, pageIndex, onError]);

  const preview = shown?.key === key ? shown.preview : null;
  if (preview === null) {
    return <Progress label={vi.placement.loading} />;
  }
  const page = preview.page;
  const pointsPerPixel = page.width / PAGE_WIDTH_PX;
  const heightPx = page.height / pointsPerPixel;
  const current = placed[kind];

  const at = (event: PointerEvent<HTMLDivElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
  };
  const down = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    setPressed(at(event));
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    if (pressed !== null) {
      setDragging(boxFromPointer(kind, pressed, at(event), pointsPerPixel, page));
    }
  };
  const up = (event: PointerEvent<HTMLDivElement>) => {
    if (pressed === null) {
      return;
    }
    const box = boxFromPointer(kind, pressed, at(event), pointsPerPixel, page);
    setPressed(null);
    setDragging(null);
    onPlace(kind, placedField(pageIndex, box));
  };
  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPlace(
        kind,
        placedField(pageIndex, current?.pageIndex === pageIndex ? current.screenRect : centredBox(kind, page)),
      );
      return;
    }
    if (current?.pageIndex !== pageIndex) {
      return;
    }
    const next = nudged(current.screenRect, event.key, event.shiftKey, page);
    if (next !== null) {
      event.preventDefault();
      onPlace(kind, placedField(pageIndex, next));
    }
  };
  // Both fields' boxes on this page, so a second placement is drawn beside the first.
  const boxes = KINDS.flatMap((k) => {
    const box =
      k === kind && dragging !== null
        ? dragging
        : placed[k]?.pageIndex === pageIndex
          ? placed[k]?.screenRect
          : undefined;
    return box === undefined ? [] : [{ kind: k, box }];
  });

  return (
    <section className="field-placement" data-testid="field-placement" aria-labelledby={titleId}>
      <h3 id={titleId}>{vi.placement.title}</h3>
      <p className="hint">{vi.placement.hint(label)}</p>
      <p className="hint">{vi.placement.keyboardHint}</p>
      {preview.pageCount > 1 ? (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={pageIndex <= 0}
            onClick={() => setPageIndex(pageIndex - 1)}
          >
            {vi.placement.previous}
          </button>
          <span>{vi.placement.page(pageIndex + 1, preview.pageCount)}</span>
          <button
            type="button"
            className="secondary"
            disabled={pageIndex + 1 >= preview.pageCount}
            onClick={() => setPageIndex(pageIndex + 1)}
          >
            {vi.placement.next}
          </button>
        </div>
      ) : null}
      <div className="field-placement-page" style={{ width: PAGE_WIDTH_PX, height: heightPx }}>
        {page.image === null ? null : (
          <img src={page.image} alt={vi.placement.pageImage(pageIndex + 1)} width={PAGE_WIDTH_PX} height={heightPx} />
        )}
        <div
          className="field-placement-surface"
          data-testid="field-placement-surface"
          role="application"
          aria-label={vi.placement.surface(label)}
          tabIndex={0}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onKeyDown={keyDown}
        >
          {boxes.map(({ kind: k, box }) => (
            <div
              key={k}
              className={k === kind ? 'field-placement-box' : 'field-placement-box field-placement-other'}
              data-testid={`field-box-${k}`}
              style={{
                left: box.x / pointsPerPixel,
                top: box.y / pointsPerPixel,
                width: box.width / pointsPerPixel,
                height: box.height / pointsPerPixel,
              }}
            >
              {vi.placement.fields[k]}
            </div>
          ))}
        </div>
      </div>
      <p role="status" data-testid="field-placement-status">
        {current === undefined ? vi.placement.notPlaced(label) : vi.placement.placed(label, current.pageIndex + 1)}
      </p>
      {current === undefined ? null : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onPlace(kind, undefined)}>
            {vi.placement.clear}
          </button>
        </div>
      )}
    </section>
  );
}
