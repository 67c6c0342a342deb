import { toUserRect, toVisualPoint, visualPageSize, type PageFrame } from './geometry.ts';
import type { Rect } from './rect.ts';

/**
 * The UI works in the displayed page with a top-left origin (like the DOM); the PDF writer in
 * user space. These two helpers are the only place the flip happens.
 */
export function userToScreen(frame: PageFrame, r: Rect): Rect {
  const a = toVisualPoint(frame, r.x, r.y);
  const b = toVisualPoint(frame, r.x + r.width, r.y + r.height);
  const page = visualPageSize(frame);
  const x = Math.min(a.x, b.x);
  const top = Math.max(a.y, b.y);
  return { x, y: page.height - top, width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** A dragged box back to user space, clamped to the displayed page. */
export function screenToUser(frame: PageFrame, screen: Rect): Rect {
  const page = visualPageSize(frame);
  const width = Math.min(screen.width, page.width);
  const height = Math.min(screen.height, page.height);
  const x = Math.min(Math.max(0, screen.x), page.width - width);
  const yTop = Math.min(Math.max(0, screen.y), page.height - height);
  return toUserRect(frame, { x, y: page.height - yTop - height, width, height });
}
