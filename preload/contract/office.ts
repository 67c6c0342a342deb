import { z } from 'zod';
import { channel, IsoDateSchema } from './define.ts';
import { PERSON_ROLES, STEP_KINDS, type StepKind } from './office-roles.ts';

/**
 * The office workflow's steps as they travel: renderer → main (IPC), main → outbox → server
 * (`POST /v1/office/cases/{id}/steps`, API 1.4.0). One discriminated union, so a step of the wrong
 * shape is refused at every boundary. Files travel by SHA-256 only (uploaded first).
 */
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const Username = z.string().min(1).max(100);
const Text = z.string().trim().max(2000);

/** What a file is to its case: the incoming document, the draft and its editable original, then each output of the issuing chain. */
export const CASE_FILE_ROLES = ['van-ban', 'du-thao', 'nguon', 'da-ky', 'da-cap-so', 'da-dong-dau'] as const;

export const CaseFileSchema = z.object({
  sha256: Sha256Schema,
  name: z.string().min(1).max(200),
  role: z.enum(CASE_FILE_ROLES),
});
export type CaseFile = z.infer<typeof CaseFileSchema>;

export const StepBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('submit'),
    to: Username,
    note: Text.optional(),
    document: z.object({
      soKyHieu: z.string().min(1).max(50),
      trichYeu: z.string().min(1).max(500),
      coQuanBanHanh: z.string().min(1).max(200),
      soDen: z.number().int().positive().nullable(),
      ngayDen: IsoDateSchema.nullable(),
      /** The trục document (its id on the server): statuses 04/05/06 reach its sender. */
      trucDocumentId: z.string().min(1).nullable(),
    }),
    files: z.array(CaseFileSchema).max(20),
  }),
  z.object({
    kind: z.literal('assign'),
    yKien: Text,
    chuTri: Username,
    phoiHop: z.array(Username).max(20),
    hanXuLy: IsoDateSchema.nullable(),
  }),
  z.object({ kind: z.literal('progress'), note: Text.min(1) }),
  z.object({ kind: z.literal('complete'), note: Text }),
  z.object({
    kind: z.literal('draft'),
    trichYeu: z.string().min(1).max(500),
    tenLoai: z.string().min(1).max(100),
    /** Ký hiệu and cơ quan ban hành (API 1.5, optional): the leader's and văn thư's workstations build their outgoing record from them. */
    kyHieu: z.string().min(1).max(30).optional(),
    coQuanBanHanh: z.string().min(1).max(200).optional(),
    /** Nơi nhận (API 1.5, optional): the văn thư publishes the signed document to them. */
    recipients: z
      .array(z.object({ maDinhDanh: z.string().min(1).max(35), ten: z.string().min(1).max(200) }))
      .max(500)
      .optional(),
    files: z.array(CaseFileSchema).min(1).max(20),
  }),
  z.object({ kind: z.literal('withdraw-draft'), reason: Text.min(1) }),
  z.object({
    kind: z.literal('submit-for-signature'),
    to: Username,
    /** A department head who reviews first and forwards to `to` (optional step). */
    via: Username.nullable(),
    draftSha256: Sha256Schema,
    note: Text.optional(),
  }),
  z.object({ kind: z.literal('return-draft'), comment: Text.min(1), draftSha256: Sha256Schema }),
  z.object({ kind: z.literal('sign'), draftSha256: Sha256Schema, files: z.array(CaseFileSchema).length(1) }),
  z.object({
    kind: z.literal('issue-number'),
    soKyHieu: z.string().min(1).max(50),
    ngayBanHanh: IsoDateSchema,
    files: z.array(CaseFileSchema).length(1),
  }),
  z.object({ kind: z.literal('seal'), files: z.array(CaseFileSchema).length(1) }),
  z.object({
    kind: z.literal('publish'),
    trucDocumentId: z.string().min(1).nullable(),
    recipients: z.array(z.string().min(1).max(35)).max(500),
  }),
  z.object({ kind: z.literal('recall'), reason: Text.min(1) }),
]);
export type StepBody = z.infer<typeof StepBodySchema>;

/**
 * Step kinds renamed after steps were written under their old name: `number` is `issue-number`
 * since API 1.7.0 (it is cấp số; writing the number into the file is another operation). An
 * outbox job or a stored step survives an upgrade, so the read boundary takes the old name as
 * the new one; nothing writes the old name any more.
 */
const RENAMED_STEP_KINDS: Readonly<Record<string, StepKind>> = { number: 'issue-number' };

function currentStepKind(kind: unknown): unknown {
  return typeof kind === 'string' && Object.hasOwn(RENAMED_STEP_KINDS, kind) ? RENAMED_STEP_KINDS[kind] : kind;
}

/** A step kind read back (an outbox row, a stored step, a server's stored step): an old name is the new one. */
export const StepKindReadSchema = z.preprocess(currentStepKind, z.enum(STEP_KINDS));

/** A step body read back (see `StepKindReadSchema`): the same union, its `kind` under its current name. */
export const StepBodyReadSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && 'kind' in value
      ? { ...value, kind: currentStepKind(value.kind) }
      : value,
  StepBodySchema,
);

/** The files a step brings (a step without files brings none). */
export function stepFiles(body: StepBody): readonly CaseFile[] {
  return 'files' in body ? body.files : [];
}

// ---- IPC: the signed-in person, their steps and their queue (main enforces roles; the renderer only hides) ----

const PersonRoleSchema = z.enum(PERSON_ROLES);

export const PersonSchema = z.object({
  username: z.string(),
  maDinhDanh: z.string(),
  fullName: z.string(),
  chucVu: z.string(),
  department: z.string().nullable(),
  roles: z.array(PersonRoleSchema),
});

/** A person as the server knows them (API 1.4.0, `/v1/people`); the same shape crosses IPC. */
export type PersonDto = z.infer<typeof PersonSchema>;
export const SignedInPersonSchema = PersonSchema.extend({ mode: z.enum(['online', 'offline']) });
export type SignedInPersonDto = z.infer<typeof SignedInPersonSchema>;

const StepKindSchema = z.enum(STEP_KINDS);

const StoredCaseFileSchema = CaseFileSchema.extend({ size: z.number().int().nonnegative() });

export const QueueEntrySchema = z.object({
  caseId: z.string(),
  caseKind: z.enum(['incoming', 'outgoing']),
  title: z.string(),
  caseState: z.string(),
  stepId: z.string(),
  stepKind: StepKindSchema,
  byName: z.string(),
  at: z.string(),
  body: StepBodySchema,
  filesReady: z.boolean(),
  files: z.array(StoredCaseFileSchema),
  arrivedAt: z.string(),
});
export type QueueEntryDto = z.infer<typeof QueueEntrySchema>;

export const OfficeConflictSchema = z.object({
  stepId: z.string(),
  caseId: z.string(),
  stepKind: StepKindSchema,
  code: z.string(),
  whatHappened: z.string(),
  whatCanBeDone: z.string(),
  keptFiles: z.array(z.string()),
});

export type OfficeConflictDto = z.infer<typeof OfficeConflictSchema>;

export const OfficeCaseSchema = z.object({
  id: z.string(),
  kind: z.enum(['incoming', 'outgoing']),
  state: z.string(),
  title: z.string(),
  meta: z.unknown(),
  files: z.array(StoredCaseFileSchema),
  steps: z.array(
    z.object({
      id: z.string(),
      kind: StepKindSchema,
      actor: z.string(),
      actorName: z.string(),
      body: StepBodySchema,
      origin: z.enum(['local', 'server']),
      at: z.string(),
    }),
  ),
});

const Empty = z.object({}).strict();

export const officeChannels = {
  /** Online with the server account; offline from the local verifier for someone who signed in here before. */
  'people.signIn': channel(
    z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
    SignedInPersonSchema,
  ),
  'people.current': channel(Empty, SignedInPersonSchema.nullable()),
  'people.signOut': channel(Empty, z.null()),
  /** The organization's people with a role (a leader to trình to, a specialist to assign), offline too. */
  'people.colleagues': channel(z.object({ role: PersonRoleSchema.optional() }).strict(), z.array(PersonSchema)),
  /** Take a step; a case is started when `caseId` is omitted (a new draft). Files are named by hash. */
  'office.take': channel(
    z.object({ caseId: z.string().min(1).max(100).optional(), step: StepBodySchema }).strict(),
    z.object({ caseId: z.string(), stepId: z.string(), caseState: z.string() }),
  ),
  /**
   * The chuyên viên's stored draft (Văn bản đi, with its PDF and source file) to a named leader,
   * optionally through a trưởng phòng: the draft step and trình ký, both through the outbox.
   */
  'office.submitDraft': channel(
    z
      .object({ id: z.string().min(1).max(100), to: Username, via: Username.nullable(), note: Text.optional() })
      .strict(),
    z.object({ caseId: z.string(), caseState: z.string() }),
  ),
  /** A received document (Văn bản đến, đã tiếp nhận) presented to a named leader, with its file. */
  'office.present': channel(
    z.object({ id: z.string().min(1).max(100), to: Username, note: Text.optional() }).strict(),
    z.object({ caseId: z.string(), caseState: z.string() }),
  ),
  'office.queue': channel(Empty, z.array(QueueEntrySchema)),
  'office.conflicts': channel(Empty, z.array(OfficeConflictSchema)),
  'office.case': channel(z.object({ caseId: z.string().min(1).max(100) }).strict(), OfficeCaseSchema),
};
