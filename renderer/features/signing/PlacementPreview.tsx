import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { LayoutProposal } from '../../../preload/contract/layout.ts';
import type { SignerRole } from '../../../preload/contract/tokens.ts';
import { vi } from '../../i18n/vi.ts';

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ScreenPlacement {
  readonly pageIndex: number;
  /** Displayed points from the page's top-left, as layout.override expects them. */
  readonly screenRect: Rect;
}

export interface PlacementPreviewProps {
  readonly proposal: LayoutProposal;
  readonly role: SignerRole;
  readonly placement: ScreenPlacement | null;
  readonly onMove: (placement: ScreenPlacement) => void;
}

/** Points an arrow key moves the box; Shift moves ten times as far. */
const STEP_PT = 2;

/**
 * The page with the proposed signature box already placed by the layout module. The box can be
 * dragged with the mouse or moved with the arrow keys (keyboard users sign too).
 */
export function PlacementPreview({ proposal, role, placement, onMove }: PlacementPreviewProps) {
  const frame = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ x: number; y: number; start: Rect } | null>(null);
  const candidate = proposal.candidates.find((c) => c.role === role);
  const current =
    placement ??
    (candidate === undefined ? null : { pageIndex: candidate.pageIndex, screenRect: candidate.screenRect });
  const page = proposal.pages.find((p) => p.pageIndex === (current?.pageIndex ?? 0)) ?? proposal.pages[0];
  if (page === undefined || current === null) {
    return <p className="notice notice-warn">{vi.signing.noPlacement}</p>;
  }
  const r = current.screenRect;
  const clamp = (rect: Rect): Rect => ({
    ...rect,
    x: Math.min(Math.max(0, rect.x), page.width - rect.width),
    y: Math.min(Math.max(0, rect.y), page.height - rect.height),
  });
  const move = (rect: Rect): void => onMove({ pageIndex: current.pageIndex, screenRect: clamp(rect) });
  const pointsPerPixel = (): number => page.width / (frame.current?.clientWidth ?? page.width);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ x: e.clientX, y: e.clientY, start: r });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (drag !== null) {
      const k = pointsPerPixel();
      move({ ...drag.start, x: drag.start.x + (e.clientX - drag.x) * k, y: drag.start.y + (e.clientY - drag.y) * k });
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? STEP_PT * 10 : STEP_PT;
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const d = delta[e.key];
    if (d !== undefined) {
      e.preventDefault();
      move({ ...r, x: r.x + d[0], y: r.y + d[1] });
    }
  };
  const pct = (value: number, of: number): string => `${(value / of) * 100}%`;
  return (
    <figure className="preview" data-testid="placement-preview">
      <div className="pdf-page" ref={frame} style={{ aspectRatio: `${page.width} / ${page.height}` }}>
        {page.image === null ? null : <img src={page.image} alt={vi.signing.pageImage(page.pageIndex + 1)} />}
        <div
          className="sign-box"
          role="button"
          tabIndex={0}
          aria-label={vi.signing.box}
          aria-roledescription={vi.signing.boxRole}
          data-testid="sign-box"
          style={{
            left: pct(r.x, page.width),
            top: pct(r.y, page.height),
            width: pct(r.width, page.width),
            height: pct(r.height, page.height),
          }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => setDrag(null)}
          onKeyDown={onKeyDown}
        />
      </div>
      <figcaption className="hint">
        {candidate === undefined ? vi.signing.noPlacement : candidate.evidence.join(' · ')}
        {placement === null ? null : ` · ${vi.signing.moved}`}
      </figcaption>
      {proposal.warnings.map((w) => (
        <p key={w} className="notice notice-warn">
          {w}
        </p>
      ))}
    </figure>
  );
}
