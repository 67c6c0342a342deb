import type { DueDto } from '../../../preload/contract/due.ts';
import { vi } from '../../i18n/vi.ts';

const CLASS: Readonly<Record<DueDto['state'], string>> = {
  'qua-han': 'badge badge-late',
  'xu-ly-ngay': 'badge badge-urgent',
  'den-han-hom-nay': 'badge badge-due',
  'con-han': 'badge',
};

/** 2027-03-08T16:59:59.999Z → 08/03/2027, the day in Vietnam the limit runs to. */
function dayVi(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

/**
 * A document's due state, judged in main on the workstation's clock: quá hạn, xử lý ngay, đến hạn
 * hôm nay, or còn hạn with its day. The one badge every list shows.
 */
export function DueBadge({ due }: { due: DueDto | null | undefined }) {
  if (due === null || due === undefined) {
    return null;
  }
  const t = vi.work.due;
  const day = dayVi(due.dueAt);
  return (
    <span
      className={CLASS[due.state]}
      title={t.title(t.rule[due.rule], day)}
      data-testid="due-badge"
      data-due-state={due.state}
    >
      {due.state === 'con-han' ? `${t.rule[due.rule]} ${day}` : t.state[due.state]}
    </span>
  );
}
