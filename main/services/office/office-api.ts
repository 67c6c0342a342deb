import type { z } from 'zod';
import type { CaseKind, StepKind } from '../../domain/office-steps.ts';
import type { CaseFile, PersonSchema, StepBody } from '../../../preload/contract/office.ts';
import type { ApiClient } from '../sync/api-client.ts';
import { TIMEOUTS } from '../sync/api-client.ts';

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
export const LONG_POLL_SECONDS = 25;

/** The office part of the provincial API, over the sync ApiClient (its session, refresh and classification). */
export const officeApi = {
  async me(api: ApiClient): Promise<PersonDto> {
    return (await api.call({ method: 'GET', path: '/v1/people/me' })).data as PersonDto;
  },
  async people(api: ApiClient): Promise<PersonDto[]> {
    return ((await api.call({ method: 'GET', path: '/v1/people' })).data as { items: PersonDto[] }).items;
  },
  /** `waitSeconds` > 0: a long-poll, answered as soon as a step reaches the person. */
  async inbox(
    api: ApiClient,
    cursor: string | null,
    waitSeconds: number,
    signal?: AbortSignal,
  ): Promise<OfficeInboxPage> {
    const response = await api.call({
      method: 'GET',
      path: '/v1/office/inbox',
      query: { ...(cursor === null ? {} : { cursor }), wait: String(waitSeconds) },
      timeoutMs: waitSeconds * 1000 + TIMEOUTS.jsonMs,
      ...(signal === undefined ? {} : { signal }),
    });
    return response.data as OfficeInboxPage;
  },
};
