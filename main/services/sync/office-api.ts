import type { PersonDto } from '../../../preload/contract/office.ts';
import {
  OfficeInboxPageSchema,
  PeopleSchema,
  PersonSchema,
  type OfficeInboxItem,
  type OfficeInboxPage,
  type TrucNews,
} from '../../../preload/contract/wire/office.ts';
import type { ApiClient } from './api-client.ts';
import { parseAnswer, TIMEOUTS } from './api-client.ts';

/** The office answers, parsed by the wire's schemas (preload/contract/wire/office.ts). */
export type { OfficeInboxItem, OfficeInboxPage, TrucNews };

/** How long the server holds an empty inbox request; the client waits a little longer for the answer. */
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
  ): Promise<OfficeInboxPage> {
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
    return parseAnswer(OfficeInboxPageSchema, response.data, 'hộp việc');
  },
};
