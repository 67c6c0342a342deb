import { z } from 'zod';
import type { CaseKind, StepKind } from '../../domain/office-steps.ts';
import { STEP_KINDS } from '../../../preload/contract/office-roles.ts';
import {
  CaseFileSchema,
  PersonSchema,
  StepBodySchema,
  type CaseFile,
  type StepBody,
} from '../../../preload/contract/office.ts';
import type { ApiClient } from '../sync/api-client.ts';
import { parseAnswer, TIMEOUTS } from '../sync/api-client.ts';

/** A person as the server knows them (API 1.4.0, `/v1/people`); the same shape crosses IPC. */
export type PersonDto = z.infer<typeof PersonSchema>;

export interface OfficeInboxItem {
  readonly seq: number;
  readonly step: {
    readonly id: string;
    readonly kind: StepKind;
    readonly by: { readonly username: string; readonly fullName: string; readonly chucVu: string };
    readonly at: string;
    readonly body: StepBody;
  };
  readonly case: {
    readonly id: string;
    readonly kind: CaseKind;
    readonly state: string;
    readonly title: string;
    readonly meta: unknown;
    readonly drafter: string | null;
    readonly director: string | null;
    readonly pendingWith: string | null;
    readonly draftSha256: string | null;
    readonly files: readonly (CaseFile & { readonly size: number })[];
  };
}

export interface OfficeInboxPage {
  readonly items: OfficeInboxItem[];
  readonly nextCursor: string;
  readonly hasMore: boolean;
}

/** How long the server holds an empty inbox request; the client waits a little longer for the answer. */
/** The office answers parsed, not cast (typed against the interfaces above so they cannot drift). */
const OfficeInboxPageSchema: z.ZodType<OfficeInboxPage> = z.looseObject({
  items: z.array(
    z.looseObject({
      seq: z.number(),
      step: z.looseObject({
        id: z.string(),
        kind: z.enum(STEP_KINDS),
        by: z.looseObject({ username: z.string(), fullName: z.string(), chucVu: z.string() }),
        at: z.string(),
        body: StepBodySchema,
      }),
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
    }),
  ),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
const PeopleSchema = z.looseObject({ items: z.array(PersonSchema) });
/** Since API 1.6.0: whether the trục brought the organization something after the cursor the client passed. */
const TrucNewsSchema = z.looseObject({
  truc: z.looseObject({ arrived: z.boolean(), cursor: z.string() }).optional(),
});

/** What the trục brought, as the office inbox answer tells it (absent from a server before 1.6.0). */
export interface TrucNews {
  readonly arrived: boolean;
  /** Where the organization's /v1/inbox ends now: the `trucCursor` to pass next time. */
  readonly cursor: string;
}

export const LONG_POLL_SECONDS = 25;

/** The office part of the provincial API, over the sync ApiClient (its session, refresh and classification). */
export const officeApi = {
  async me(api: ApiClient): Promise<PersonDto> {
    return parseAnswer(PersonSchema, (await api.call({ method: 'GET', path: '/v1/people/me' })).data, 'người dùng');
  },
  async people(api: ApiClient): Promise<PersonDto[]> {
    return parseAnswer(
      PeopleSchema,
      (await api.call({ method: 'GET', path: '/v1/people' })).data,
      'danh sách người dùng',
    ).items;
  },
  /**
   * `waitSeconds` > 0: a long-poll, answered as soon as a step reaches the person — and, with
   * `trucCursor` (the workstation's /v1/inbox cursor, API 1.6.0), as soon as the trục brings the
   * organization a document or a recall after it (`truc` in the answer).
   */
  async inbox(
    api: ApiClient,
    cursor: string | null,
    waitSeconds: number,
    signal?: AbortSignal,
    trucCursor?: string,
  ): Promise<OfficeInboxPage & { readonly truc?: TrucNews | undefined }> {
    const response = await api.call({
      method: 'GET',
      path: '/v1/office/inbox',
      query: {
        ...(cursor === null ? {} : { cursor }),
        wait: String(waitSeconds),
        ...(trucCursor === undefined ? {} : { trucCursor }),
      },
      timeoutMs: waitSeconds * 1000 + TIMEOUTS.jsonMs,
      ...(signal === undefined ? {} : { signal }),
    });
    const page = parseAnswer(OfficeInboxPageSchema, response.data, 'hộp việc');
    return { ...page, truc: parseAnswer(TrucNewsSchema, response.data, 'hộp việc').truc };
  },
};
