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

/** Runs on the stored draft only: the leader sees findings on exactly the file they will sign. */
export function createTheThucService(deps: TheThucDeps): TheThucService {
  const storedDraft = async (id: string): Promise<Uint8Array> => {
    const files = await deps.store('issuing.files', id);
    const draft = files.find((f) => f.stage === 'du-thao');
    if (draft === undefined) {
      throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id, stage: 'du-thao' } });
    }
    const bytes = readAttachment(deps.filesDir, draft.sha256);
    if (sha256Of(bytes) !== draft.sha256) {
      throw new VanthuError('PDF_MALFORMED', errorMessageVi('PDF_MALFORMED'), { details: { stage: 'du-thao' } });
    }
    return bytes;
  };
  return {
    async checkDraft(id) {
      return checkTheThuc(await storedDraft(id));
    },
    async page(id, pageIndex) {
      return draftPage(await storedDraft(id), pageIndex, deps.pageRenderer);
    },
  };
}
