import type { IssuingFile } from '../../../preload/contract/issuing.ts';
import type { CaseFile, StepBody } from '../../../preload/contract/office.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import type { Logger } from '../log/logger.ts';
import type { IssuingService } from '../workflow/issuing-service.ts';
import type { OfficeService } from './office-service.ts';

export interface OfficeIssuingDeps {
  readonly issuing: IssuingService;
  readonly office: Pick<OfficeService, 'take'>;
  /** The case a local outgoing record stands for (office-outgoing.ts), or null. */
  readonly caseOf: (documentId: string) => Promise<string | null>;
  readonly log: Logger;
}

function stageFile(files: readonly IssuingFile[], stage: string): IssuingFile | undefined {
  return files.find((file) => file.stage === stage);
}

function asCaseFile(file: IssuingFile | undefined, role: CaseFile['role']): CaseFile[] {
  return file === undefined ? [] : [{ sha256: file.sha256, name: file.fileName, role }];
}

/** The office step an issuing result is, with the file it produced (by hash). */
export function stepOfIssued(
  stage: 'sign' | 'issue-number' | 'seal' | 'publish',
  doc: OutgoingDocument,
  files: readonly IssuingFile[],
): StepBody | null {
  switch (stage) {
    case 'sign': {
      const draft = stageFile(files, 'du-thao');
      const signed = asCaseFile(stageFile(files, 'da-ky'), 'da-ky');
      return draft === undefined || signed.length !== 1
        ? null
        : { kind: 'sign', draftSha256: draft.sha256, files: signed };
    }
    case 'issue-number': {
      const numbered = asCaseFile(stageFile(files, 'da-cap-so'), 'da-cap-so');
      return doc.soKyHieu === null || doc.ngayBanHanh === null || numbered.length !== 1
        ? null
        : { kind: 'issue-number', soKyHieu: doc.soKyHieu, ngayBanHanh: doc.ngayBanHanh, files: numbered };
    }
    case 'seal': {
      const sealed = asCaseFile(stageFile(files, 'da-dong-dau'), 'da-dong-dau');
      return sealed.length !== 1 ? null : { kind: 'seal', files: sealed };
    }
    case 'publish':
      // The record's id is the one its publication (the outgoing.publish job) carries to the trục:
      // the case on the server then names its document there.
      return { kind: 'publish', trucDocumentId: doc.id, recipients: doc.recipients.map((r) => r.maDinhDanh) };
  }
}

/**
 * The issuing chain, and for a record that came from an office case, its result as the case's next
 * step: the leader's signed file travels back as đã ký, the văn thư's cấp số, đóng dấu and phát
 * hành follow. The local result stands even if recording the step fails (it is logged and the
 * step can be taken again from the queue); a document not from a case is untouched.
 */
export function withOfficeSteps(deps: OfficeIssuingDeps): IssuingService {
  const { issuing } = deps;
  const report = async (stage: 'sign' | 'issue-number' | 'seal' | 'publish', doc: OutgoingDocument): Promise<void> => {
    const caseId = await deps.caseOf(doc.id);
    if (caseId === null) {
      return;
    }
    const step = stepOfIssued(stage, doc, await issuing.files(doc.id));
    if (step === null) {
      deps.log.warn('office.issued_without_file', { caseId, stage });
      return;
    }
    try {
      await deps.office.take(caseId, step);
    } catch (error) {
      deps.log.warn('office.issued_step_failed', { caseId, stage, error });
    }
  };
  return {
    ...issuing,
    async sign(request) {
      const result = await issuing.sign(request);
      // Each document is its own case: a batch's steps are recorded side by side, not one by one.
      await Promise.all(result.results.map((item) => (item.ok ? report('sign', item.document) : undefined)));
      return result;
    },
    async issueNumber(id) {
      const doc = await issuing.issueNumber(id);
      await report('issue-number', doc);
      return doc;
    },
    async seal(request) {
      const doc = await issuing.seal(request);
      await report('seal', doc);
      return doc;
    },
    async publish(id) {
      const doc = await issuing.publish(id);
      await report('publish', doc);
      return doc;
    },
  };
}
