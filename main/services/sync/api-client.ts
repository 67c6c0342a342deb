import { classifyError, classifyResponse, SyncFailure } from './classify.ts';
import type { DirectoryEntry, InboxItem, RegisterFeedItem, SyncCredentials } from './ports.ts';
import type { HttpRequest, HttpResponse, SyncTransport } from './transport.ts';
import type { z } from 'zod';
import {
  SessionSchema,
  type LoginRequestSchema,
  type RefreshRequestSchema,
} from '../../../preload/contract/wire/auth.ts';
import { CLIENT_API_VERSION, CLIENT_API_VERSION_HEADER } from '../../../preload/contract/wire/office.ts';
import { CalendarPageSchema, OrganizationsPageSchema } from '../../../preload/contract/wire/directory.ts';
import { InboxPageSchema } from '../../../preload/contract/wire/documents.ts';
import { AllocatedNumberSchema, type NumberRequestSchema } from '../../../preload/contract/wire/numbers.ts';
import { RecipientsSchema, type RecipientStatus } from '../../../preload/contract/wire/outgoing.ts';
import { RegistersFeedPageSchema } from '../../../preload/contract/wire/registers-feed.ts';

export type { RecipientStatus };

/**
 * A server's answer parsed against its schema. An answer of another shape is a permanent
 * failure of that exchange (the server is not the one the client speaks to), never data.
 */
export function parseAnswer<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new SyncFailure({
      kind: 'permanent',
      code: 'BAD_RESPONSE',
      message: `Máy chủ trả lời ${what} không đúng định dạng.`,
      retryAfterMs: null,
      details: { issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) },
    });
  }
  return parsed.data;
}

/** Timeouts per kind of exchange: small JSON calls fail fast; chunks get time to travel. */
export const TIMEOUTS = { jsonMs: 15_000, chunkMs: 120_000, downloadMs: 300_000 } as const;

/** The session as the client keeps it (the answer carries more, e.g. `expiresIn`, which it does not need). */
export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly maDinhDanh: string;
}

/** How the client meets the session vault: a token kept from an earlier run, and every new session. */
export interface SessionHooks {
  readonly storedRefreshToken?: () => Promise<string | null>;
  /** Called with each new session (refresh tokens are single-use, so each one must be kept), or null when refused. */
  readonly onSession?: (session: Session | null) => Promise<void> | void;
}

/**
 * The provincial API (server/openapi.yaml v1) over the transport port. Holds the access token
 * in memory only; a 401 triggers one refresh, then one login with the caller's credentials (if
 * any), then an `auth` failure. The password is only ever passed through, never kept.
 */
export class ApiClient {
  readonly #transport: SyncTransport;
  readonly #credentials: () => SyncCredentials | null;
  readonly #now: () => Date;
  readonly #hooks: SessionHooks;
  #session: Session | null = null;
  /** One refresh at a time: a refresh token works once, so parallel refreshes would log us out. */
  #renewing: Promise<Session> | null = null;

  constructor(
    transport: SyncTransport,
    credentials: () => SyncCredentials | null,
    now: () => Date,
    hooks: SessionHooks = {},
  ) {
    this.#transport = transport;
    this.#credentials = credentials;
    this.#now = now;
    this.#hooks = hooks;
  }

  get maDinhDanh(): string | null {
    return this.#session?.maDinhDanh ?? null;
  }

  get hasSession(): boolean {
    return this.#session !== null;
  }

  /** Drop the session held in memory (logout); the vault is cleared by the caller. */
  forget(): void {
    this.#session = null;
  }

  async #send(request: HttpRequest): Promise<HttpResponse> {
    try {
      return await this.#transport.request({ timeoutMs: TIMEOUTS.jsonMs, ...request });
    } catch (error) {
      throw new SyncFailure(classifyError(error));
    }
  }

  async #adopt(session: Session | null): Promise<void> {
    this.#session = session;
    await this.#hooks.onSession?.(session);
  }

  /** Log in with a user's credentials, used for this request only. */
  async login(credentials: SyncCredentials): Promise<Session> {
    const response = await this.#send({
      method: 'POST',
      path: '/v1/auth/login',
      json: { username: credentials.username, password: credentials.password } satisfies z.input<
        typeof LoginRequestSchema
      >,
    });
    if (response.status !== 200) {
      throw new SyncFailure(classifyResponse(response, this.#now()));
    }
    const session = parseAnswer(SessionSchema, response.data, 'phiên đăng nhập');
    await this.#adopt(session);
    return session;
  }

  #login(): Promise<Session> {
    this.#renewing ??= this.#renew().finally(() => {
      this.#renewing = null;
    });
    return this.#renewing;
  }

  async #renew(): Promise<Session> {
    const refresh = this.#session?.refreshToken || ((await this.#hooks.storedRefreshToken?.()) ?? '');
    if (refresh !== '') {
      const response = await this.#send({
        method: 'POST',
        path: '/v1/auth/refresh',
        json: { refreshToken: refresh } satisfies z.input<typeof RefreshRequestSchema>,
      });
      if (response.status === 200) {
        const session = parseAnswer(SessionSchema, response.data, 'phiên đăng nhập');
        await this.#adopt(session);
        return session;
      }
      if (response.status !== 401) {
        throw new SyncFailure(classifyResponse(response, this.#now()));
      }
      await this.#adopt(null);
    }
    const credentials = this.#credentials();
    if (credentials === null) {
      throw new SyncFailure({
        kind: 'auth',
        code: 'NO_CREDENTIALS',
        message: 'Chưa đăng nhập máy chủ.',
        retryAfterMs: null,
        details: {},
      });
    }
    return this.login(credentials);
  }

  /** An authenticated call; returns the response when its status is acceptable, else throws SyncFailure. */
  async call(request: HttpRequest, accept: (status: number) => boolean = (s) => s >= 200 && s < 300) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const session = this.#session ?? (await this.#login());
      const response = await this.#send({
        ...request,
        headers: {
          ...request.headers,
          authorization: `Bearer ${session.accessToken}`,
          // The step names this workstation reads (server/office/step-names.ts).
          [CLIENT_API_VERSION_HEADER]: CLIENT_API_VERSION,
        },
      });
      if (response.status === 401 && attempt === 0) {
        this.#session = { ...session, accessToken: '' };
        await this.#login();
        continue;
      }
      if (accept(response.status)) {
        return response;
      }
      throw new SyncFailure(classifyResponse(response, this.#now()));
    }
    throw new SyncFailure({
      kind: 'auth',
      code: 'UNAUTHENTICATED',
      message: 'Cần đăng nhập lại.',
      retryAfterMs: null,
      details: {},
    });
  }

  async mutate(path: string, idempotencyKey: string, json: unknown): Promise<unknown> {
    const response = await this.call({ method: 'POST', path, json, headers: { 'idempotency-key': idempotencyKey } });
    return response.data;
  }

  async organizations(cursor: string | null): Promise<{ items: DirectoryEntry[]; nextCursor: string }> {
    const response = await this.call({
      method: 'GET',
      path: '/v1/organizations',
      query: cursor === null ? {} : { cursor },
    });
    return parseAnswer(OrganizationsPageSchema, response.data, 'danh bạ cơ quan');
  }

  /** The years' announced holiday arrangements (API 1.4.0); validated by the store's importer. */
  async calendar(): Promise<unknown[]> {
    const response = await this.call({ method: 'GET', path: '/v1/calendar' });
    return parseAnswer(CalendarPageSchema, response.data, 'lịch làm việc').items;
  }

  /** Recipients of a published document and the statuses they reported (01–06). */
  async recipients(documentId: string): Promise<RecipientStatus[]> {
    const response = await this.call({
      method: 'GET',
      path: `/v1/outgoing/${encodeURIComponent(documentId)}/recipients`,
    });
    return parseAnswer(RecipientsSchema, response.data, 'trạng thái nơi nhận').items;
  }

  /**
   * The register's next number at this moment (API 1.4.0), within `timeoutMs`: an online
   * registration or cấp số numbers in order of receipt. The same key gets the same number.
   */
  async allocateNumber(
    kind: 'den' | 'di',
    year: number,
    documentId: string,
    key: string,
    timeoutMs: number,
  ): Promise<number> {
    const response = await this.call({
      method: 'POST',
      path: '/v1/numbers',
      json: { registerKind: kind, year, documentId } satisfies z.input<typeof NumberRequestSchema>,
      headers: { 'idempotency-key': key },
      timeoutMs,
    });
    return parseAnswer(AllocatedNumberSchema, response.data, 'số cấp').number;
  }

  /** The organization's registers (every workstation's registrations and issued documents) after a cursor. */
  async registersFeed(
    cursor: string | null,
    limit = 200,
  ): Promise<{ items: RegisterFeedItem[]; nextCursor: string; hasMore: boolean }> {
    const response = await this.call({
      method: 'GET',
      path: '/v1/registers/feed',
      query: { ...(cursor === null ? {} : { cursor }), limit: String(limit) },
    });
    return parseAnswer(RegistersFeedPageSchema, response.data, 'sổ đăng ký');
  }

  async inbox(
    cursor: string | null,
    limit = 100,
  ): Promise<{ items: InboxItem[]; nextCursor: string; hasMore: boolean }> {
    const response = await this.call({
      method: 'GET',
      path: '/v1/inbox',
      query: { ...(cursor === null ? {} : { cursor }), limit: String(limit) },
    });
    return parseAnswer(InboxPageSchema, response.data, 'hộp thư đến');
  }
}
