import type { QueueEntryDto, StepBody } from '../../../preload/contract/office.ts';
import type { StepKind } from '../../../preload/contract/office-roles.ts';

/** What a person fills in for a step taken from the queue (all as the form holds it). */
export interface StepFields {
  readonly leader: string;
  readonly via: string;
  readonly yKien: string;
  readonly chuTri: string;
  readonly phoiHop: readonly string[];
  /** yyyy-mm-dd from the date picker, or '' for no deadline. */
  readonly hanXuLy: string;
  readonly text: string;
}

export const EMPTY_FIELDS: StepFields = {
  leader: '',
  via: '',
  yKien: '',
  chuTri: '',
  phoiHop: [],
  hanXuLy: '',
  text: '',
};

/** The steps the queue takes with a form of its own; the others (ký, cấp số, …) go through the issuing chain. */
export const FORM_STEPS = [
  'assign',
  'progress',
  'complete',
  'submit-for-signature',
  'return-draft',
  'withdraw-draft',
  'recall',
] as const satisfies readonly StepKind[];
export type FormStep = (typeof FORM_STEPS)[number];

export function isFormStep(step: StepKind): step is FormStep {
  return (FORM_STEPS as readonly StepKind[]).includes(step);
}

/** The draft a signature step is about: the one the item brought, else the case's newest dự thảo file. */
export function draftOf(entry: QueueEntryDto): string | null {
  if ('draftSha256' in entry.body) {
    return entry.body.draftSha256;
  }
  const drafts = entry.files.filter((file) => file.role === 'du-thao');
  return drafts.at(-1)?.sha256 ?? null;
}

/** Which field is missing (its key), or the step body to send; the schema in main checks again. */
export function buildStep(
  step: FormStep,
  entry: QueueEntryDto,
  f: StepFields,
): { ok: true; body: StepBody } | { ok: false; field: keyof StepFields | 'draft' } {
  const text = f.text.trim();
  switch (step) {
    case 'assign':
      if (f.chuTri === '') {
        return { ok: false, field: 'chuTri' };
      }
      return {
        ok: true,
        body: {
          kind: 'assign',
          yKien: f.yKien.trim(),
          chuTri: f.chuTri,
          phoiHop: f.phoiHop.filter((username) => username !== f.chuTri),
          hanXuLy: f.hanXuLy === '' ? null : f.hanXuLy,
        },
      };
    case 'progress':
      return text === '' ? { ok: false, field: 'text' } : { ok: true, body: { kind: 'progress', note: text } };
    case 'complete':
      return { ok: true, body: { kind: 'complete', note: text } };
    case 'withdraw-draft':
      return text === '' ? { ok: false, field: 'text' } : { ok: true, body: { kind: 'withdraw-draft', reason: text } };
    case 'recall':
      return text === '' ? { ok: false, field: 'text' } : { ok: true, body: { kind: 'recall', reason: text } };
    case 'return-draft':
    case 'submit-for-signature': {
      const draft = draftOf(entry);
      if (draft === null) {
        return { ok: false, field: 'draft' };
      }
      if (step === 'return-draft') {
        return text === ''
          ? { ok: false, field: 'text' }
          : { ok: true, body: { kind: 'return-draft', comment: text, draftSha256: draft } };
      }
      if (f.leader === '') {
        return { ok: false, field: 'leader' };
      }
      return {
        ok: true,
        body: {
          kind: 'submit-for-signature',
          to: f.leader,
          via: f.via === '' ? null : f.via,
          draftSha256: draft,
          ...(text === '' ? {} : { note: text }),
        },
      };
    }
  }
}
