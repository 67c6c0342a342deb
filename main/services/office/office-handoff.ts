import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import type { IssuingFile } from '../../../preload/contract/issuing.ts';
import type { CaseFile, StepBody } from '../../../preload/contract/office.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import type { OfficeService } from './office-service.ts';

/** The local records a hand-off starts from, and their local state change once the step is kept. */
export interface OfficeHandoffDeps {
  readonly office: Pick<OfficeService, 'take' | 'newCaseId' | 'case'>;
  readonly outgoing: (id: string) => Promise<OutgoingDocument>;
  readonly issuingFiles: (id: string) => Promise<IssuingFile[]>;
  readonly incoming: (id: string) => Promise<IncomingDocument>;
  /** The case a local outgoing record already stands for (office-outgoing.ts), or null. */
  readonly caseOf: (documentId: string) => Promise<string | null>;
  /** The local record follows: the draft to trình ký, the incoming document to đã trình. */
  readonly markSubmitted: (documentId: string) => Promise<unknown>;
  readonly markPresented: (documentId: string, note: string) => Promise<unknown>;
}

export interface SubmitDraftRequest {
  readonly id: string;
  readonly to: string;
  readonly via: string | null;
  readonly note?: string | undefined;
}

export interface PresentRequest {
  readonly id: string;
  readonly to: string;
  readonly note?: string | undefined;
}

export interface OfficeHandoff {
  /**
   * The chuyên viên sends their stored draft to a named leader (optionally through the trưởng
   * phòng): the draft step with its PDF and source file (by hash), then trình ký, each through
   * the outbox; the local record moves to trình ký.
   */
  submitDraft(request: SubmitDraftRequest): Promise<{ caseId: string; caseState: string }>;
  /** The văn thư presents a received document to a named leader (trình), with its file. */
  present(request: PresentRequest): Promise<{ caseId: string; caseState: string }>;
}

function refuse(detail: string): never {
  throw new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID', detail));
}

function caseFile(file: IssuingFile | undefined, role: CaseFile['role']): CaseFile[] {
  return file === undefined ? [] : [{ sha256: file.sha256, name: file.fileName.slice(0, 200), role }];
}

/**
 * Hand-offs from a local record into the office workflow (#16): what a person does on their own
 * screen (Văn bản đi, Văn bản đến) becomes the case's steps, so the leader at another workstation
 * receives it in Hàng đợi của tôi. Each step is one store transaction with its outbox job; a step
 * already taken is not taken twice when the person tries again after a failure in between.
 */
export function createOfficeHandoff(deps: OfficeHandoffDeps): OfficeHandoff {
  return {
    async submitDraft({ id, to, via, note }) {
      const doc = await deps.outgoing(id);
      if (doc.state !== 'du-thao') {
        refuse('Chỉ trình ký được dự thảo chưa trình.');
      }
      const files = await deps.issuingFiles(id);
      const pdf = files.find((file) => file.stage === 'du-thao');
      if (pdf === undefined || doc.fileSha256 !== pdf.sha256) {
        refuse('Dự thảo chưa có tệp PDF trong kho của máy này.');
      }
      const known = await deps.caseOf(id);
      const caseId = known ?? deps.office.newCaseId();
      // The draft step names the very PDF the leader will sign; after a retry it is not sent again.
      const sent = known === null ? [] : ((await deps.office.case(caseId))?.steps ?? []);
      const draftSent = sent.some((step) => step.body.kind === 'draft' && stepDraft(step.body) === pdf.sha256);
      if (!draftSent) {
        await deps.office.take(
          caseId,
          {
            kind: 'draft',
            trichYeu: doc.trichYeu,
            tenLoai: doc.tenLoai,
            ...(doc.kyHieu === '' ? {} : { kyHieu: doc.kyHieu }),
            coQuanBanHanh: doc.coQuanBanHanh,
            recipients: doc.recipients.map((r) => ({ maDinhDanh: r.maDinhDanh, ten: r.ten })),
            files: [
              ...caseFile(pdf, 'du-thao'),
              ...caseFile(
                files.find((file) => file.stage === 'nguon'),
                'nguon',
              ),
            ],
          },
          { outgoingId: id },
        );
      }
      const taken = await deps.office.take(caseId, {
        kind: 'submit-for-signature',
        to,
        via,
        draftSha256: pdf.sha256,
        ...(note === undefined || note.trim() === '' ? {} : { note: note.trim() }),
      });
      await deps.markSubmitted(id);
      return { caseId, caseState: taken.caseState };
    },

    async present({ id, to, note }) {
      const doc = await deps.incoming(id);
      if (doc.state !== 'da-tiep-nhan') {
        refuse('Chỉ trình được văn bản đã tiếp nhận, chưa trình.');
      }
      const step: StepBody = {
        kind: 'submit',
        to,
        ...(note === undefined || note.trim() === '' ? {} : { note: note.trim() }),
        document: {
          soKyHieu: doc.kyHieu === '' ? doc.so : `${doc.so}/${doc.kyHieu}`,
          trichYeu: doc.trichYeu,
          coQuanBanHanh: doc.coQuanBanHanh,
          soDen: doc.soDen,
          ngayDen: doc.ngayDen,
          // A document from the trục keeps its id there: statuses 04/05/06 then reach its sender.
          trucDocumentId: doc.source === 'truc' ? doc.id : null,
        },
        files:
          doc.fileSha256 === null
            ? []
            : [{ sha256: doc.fileSha256, name: (doc.fileName ?? 'van-ban.pdf').slice(0, 200), role: 'van-ban' }],
      };
      const taken = await deps.office.take(id, step);
      await deps.markPresented(id, note?.trim() ?? '');
      return { caseId: id, caseState: taken.caseState };
    },
  };
}

function stepDraft(body: StepBody): string | null {
  return body.kind === 'draft' ? (body.files.find((file) => file.role === 'du-thao')?.sha256 ?? null) : null;
}
