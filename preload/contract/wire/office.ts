import { z } from 'zod';
import { CaseFileSchema, PersonSchema, StepBodyReadSchema, StepBodySchema, StepKindReadSchema } from '../office.ts';

/**
 * The office workflow between the people of an organization (API 1.4.0). A step travels as the
 * same discriminated union the IPC contract checks (`StepBodySchema`), and a person as the same
 * `PersonSchema`: the renderer, main and the server refuse the same wrong shapes.
 */

/** `GET /v1/people/me` answers a `PersonSchema`; `GET /v1/people` the organization's people and departments. */
export const PeopleSchema = z.looseObject({
  items: z.array(PersonSchema),
  departments: z.array(z.looseObject({ id: z.string(), ten: z.string() })),
});

/** `POST /v1/office/cases/{id}/steps` takes a `StepBodySchema` and answers the case's new state. */
export const StepAnswerSchema = z.looseObject({ stepId: z.string(), caseId: z.string(), caseState: z.string() });

export const OfficeInboxItemSchema = z.looseObject({
  seq: z.number(),
  step: z.looseObject({
    id: z.string(),
    // A step the server stored before a kind was renamed reaches the client under its current name.
    kind: StepKindReadSchema,
    by: z.looseObject({ username: z.string(), fullName: z.string(), chucVu: z.string() }),
    at: z.string(),
    body: StepBodyReadSchema,
  }),
  // The case as it stands now, with every file it holds: the recipient can work offline from here.
  case: z.looseObject({
    id: z.string(),
    kind: z.enum(['incoming', 'outgoing']),
    state: z.string(),
    title: z.string(),
    meta: z.unknown(),
    drafter: z.string().nullable(),
    director: z.string().nullable(),
    pendingWith: z.string().nullable(),
    draftSha256: z.string().nullable(),
    files: z.array(CaseFileSchema.extend({ size: z.number() })),
  }),
});
export type OfficeInboxItem = z.infer<typeof OfficeInboxItemSchema>;

/**
 * Since API 1.6.0, with `trucCursor` (the caller's /v1/inbox cursor): whether the trục brought the
 * organization a document or a recall after it, and where /v1/inbox ends now (the next `trucCursor`).
 */
export const TrucNewsSchema = z.looseObject({ arrived: z.boolean(), cursor: z.string() });
export type TrucNews = z.infer<typeof TrucNewsSchema>;

/** `GET /v1/office/inbox`: steps routed to the signed-in person after a cursor (a long-poll with `wait`). */
export const OfficeInboxPageSchema = z.looseObject({
  items: z.array(OfficeInboxItemSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
  truc: TrucNewsSchema.optional(),
});
export type OfficeInboxPage = z.infer<typeof OfficeInboxPageSchema>;

export { PersonSchema, StepBodyReadSchema, StepBodySchema };

/**
 * The API version a workstation speaks, sent with every request (`X-Api-Version`). A server
 * answers a workstation that sends none, or one before 1.7.0, with the step names it knew:
 * cấp số as `number`, not `issue-number` (server/office/step-names.ts).
 */
export const CLIENT_API_VERSION = '1.7.0';
export const CLIENT_API_VERSION_HEADER = 'x-api-version';
