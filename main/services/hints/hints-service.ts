import type { IncomingHints } from '../../../preload/contract/hints.ts';
import { VanthuError, errorMessageVi } from '../../../preload/contract/index.ts';
import type { YearArrangement } from '../../domain/calendar/holidays.ts';
import { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { findDeadlines, proposedHanXuLy } from '../../domain/hints/deadlines-in-text.ts';
import { dieuHeadings, paragraphsOf } from '../../domain/hints/summary.ts';
import { vietnamDate } from '../../domain/vietnam-time.ts';
import { readAttachment, sha256Of } from '../store/attachments.ts';
import type { StoreCall } from '../store/store-client.ts';
import { readDraft } from '../the-thuc/read-draft.ts';
import { suggestChuTri } from './chu-tri.ts';

export interface HintsService {
  /** Summary, proposed hạn xử lý and chủ trì suggestion of a stored incoming document. */
  incoming(id: string): Promise<IncomingHints>;
}

export interface HintsDeps {
  readonly store: StoreCall;
  readonly filesDir: string;
  /** "Today" decides which limits are already past (injected by tests). */
  readonly clock: () => Date;
}

/** Reads the stored file on the workstation only (S-TN26 Điều 11 k3): nothing is sent anywhere. */
export function createHintsService(deps: HintsDeps): HintsService {
  return {
    async incoming(id) {
      const doc = await deps.store('incoming.get', id);
      let lines: string[] = [];
      let encoding: IncomingHints['encoding'] = null;
      if (doc.fileSha256 !== null && !doc.fileRemoved) {
        const bytes = readAttachment(deps.filesDir, doc.fileSha256);
        if (sha256Of(bytes) !== doc.fileSha256) {
          throw new VanthuError('PDF_MALFORMED', errorMessageVi('PDF_MALFORMED'), { details: { id } });
        }
        const pages = await readDraft(bytes);
        lines = pages.flatMap((p) => p.lines.map((l) => l.text));
        encoding = pages.flatMap((p) => p.items).find((i) => i.legacy !== undefined)?.legacy?.encoding ?? null;
      }
      const stored = await deps.store('calendar.list');
      const calendar = new WorkingCalendar(stored.map((s) => s.arrangement as YearArrangement));
      const paragraphs = paragraphsOf(lines);
      const deadlines = findDeadlines(paragraphs.join('\n'), {
        ngayDen: doc.ngayDen,
        ngayBanHanh: doc.ngayBanHanh,
        calendar,
      });
      const today = vietnamDate(deps.clock());
      const similar = await deps.store('incoming.similarAssigned', id, doc.trichYeu);
      return {
        hasText: lines.length > 0,
        encoding,
        dieu: dieuHeadings(paragraphs),
        deadlines,
        proposedHanXuLy: proposedHanXuLy(deadlines, today > doc.ngayDen ? today : doc.ngayDen),
        chuTri: suggestChuTri(similar),
      };
    },
  };
}
