import { VanthuError, errorMessageVi } from '../../../preload/contract/index.ts';
import type { DraftPage } from '../../../preload/contract/issuing.ts';
import type { TheThucReport } from '../../../preload/contract/the-thuc.ts';
import type { PageRenderer } from '../pdf/layout/page-renderer.ts';
import { readAttachment, sha256Of } from '../store/attachments.ts';
import type { StoreCall } from '../store/store-client.ts';
import { draftPage } from '../workflow/draft-fields.ts';
import { checkTheThuc } from './check.ts';

export interface TheThucService {
  /** The thể thức findings of an outgoing document's stored draft (stage du-thao). */
  checkDraft(id: string): Promise<TheThucReport>;
  /** A page of that draft rendered, in the frame the findings' boxes are given in. */
  page(id: string, pageIndex: number): Promise<DraftPage>;
}

export interface TheThucDeps {
  readonly store: StoreCall;
  readonly filesDir: string;
  /** pdftoppm where installed; without it the preview is the page's outline. */
  readonly pageRenderer?: PageRenderer;
}

/** Reports kept, by draft file: a leader reopening Ký duyệt with a hundred drafts waits for none. */
const REPORTS_KEPT = 500;

/** Runs on the stored draft only: the leader sees findings on exactly the file they will sign. */
export function createTheThucService(deps: TheThucDeps): TheThucService {
  const draftSha = async (id: string): Promise<string> => {
    const files = await deps.store('issuing.files', id);
    const draft = files.find((f) => f.stage === 'du-thao');
    if (draft === undefined) {
      throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id, stage: 'du-thao' } });
    }
    return draft.sha256;
  };
  const storedDraft = (sha: string): Uint8Array => {
    const bytes = readAttachment(deps.filesDir, sha);
    if (sha256Of(bytes) !== sha) {
      throw new VanthuError('PDF_MALFORMED', errorMessageVi('PDF_MALFORMED'), { details: { stage: 'du-thao' } });
    }
    return bytes;
  };
  // A stored file never changes (its name is its hash), so neither does its report.
  const reports = new Map<string, Promise<TheThucReport>>();
  return {
    async checkDraft(id) {
      const sha = await draftSha(id);
      let report = reports.get(sha);
      if (report === undefined) {
        report = Promise.resolve().then(() => checkTheThuc(storedDraft(sha)));
        reports.set(sha, report);
        // A failed check is not kept: the next asks again.
        report.catch(() => reports.delete(sha));
        if (reports.size > REPORTS_KEPT) {
          reports.delete(reports.keys().next().value ?? '');
        }
      }
      return report;
    },
    async page(id, pageIndex) {
      return draftPage(storedDraft(await draftSha(id)), pageIndex, deps.pageRenderer);
    },
  };
}
