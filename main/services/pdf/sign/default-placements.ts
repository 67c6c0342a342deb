import type { SignatureRole } from '../placement.ts';
import { Increment } from './increment.ts';
import { pageBox, pageCount } from './pages.ts';
import type { PrepareOptions } from './prepare.ts';

/**
 * Fallback positions on an A4-like page when the layout module is not used: the number under
 * the organization name (left column) and the date under the motto (right column) of page 1,
 * signatures in the right column of the last page, the seal over the left third of the
 * signature (ND30 Phụ lục I boxes 3, 4, 7c, 8). The user can always move them.
 */
export async function defaultPrepareOptions(
  bytes: Uint8Array,
  roles: readonly SignatureRole[],
): Promise<PrepareOptions> {
  const inc = await Increment.open(bytes);
  const first = pageBox(inc, 0);
  const lastIndex = pageCount(inc) - 1;
  const last = pageBox(inc, lastIndex);
  const top = first.y + first.height;
  const signature = { x: last.x + last.width - 57 - 200, y: last.y + 170, width: 150, height: 60 };
  const rects: Record<SignatureRole, { x: number; y: number; width: number; height: number }> = {
    personal: signature,
    organization: { x: signature.x - 50, y: signature.y - 20, width: 100, height: 100 },
    appendix: { x: first.x + first.width - 42 - 260, y: top - 36, width: 260, height: 16 },
    copy: { x: first.x + first.width - 42 - 260, y: top - 36, width: 260, height: 16 },
  };
  return {
    soKyHieu: { pageIndex: 0, rect: { x: first.x + 70, y: top - 150, width: 200, height: 18 } },
    ngayBanHanh: { pageIndex: 0, rect: { x: first.x + first.width - 57 - 270, y: top - 150, width: 270, height: 18 } },
    signers: roles.map((role) => ({
      role,
      placement: { pageIndex: role === 'appendix' || role === 'copy' ? 0 : lastIndex, rect: rects[role] },
    })),
  };
}
