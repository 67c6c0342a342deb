import type { z } from 'zod';
import { LoginRequestSchema, RefreshRequestSchema, SessionSchema } from './auth.ts';
import { CalendarPageSchema, OrganizationsPageSchema } from './directory.ts';
import {
  InboxPageSchema,
  RegistrationAnswerSchema,
  RegistrationRequestSchema,
  StatusAnswerSchema,
  StatusRequestSchema,
} from './documents.ts';
import {
  AllocatedNumberSchema,
  LeaseGrantSchema,
  LeaseRequestSchema,
  LeaseReturnedSchema,
  LeaseReturnRequestSchema,
  NumberRequestSchema,
} from './numbers.ts';
import { OfficeInboxPageSchema, PeopleSchema, PersonSchema, StepAnswerSchema, StepBodySchema } from './office.ts';
import {
  PublishedSchema,
  PublishRequestSchema,
  RecalledSchema,
  RecallRequestSchema,
  RecipientsSchema,
} from './outgoing.ts';
import { RegistersFeedPageSchema } from './registers-feed.ts';
import { UploadRequestSchema, UploadStateSchema } from './uploads.ts';

/**
 * Every operation of the provincial API (server/openapi.yaml), keyed as the yaml writes it
 * (`METHOD /path/{param}`): the JSON body it takes, the answer it gives and that answer's status.
 * Operations whose bodies are bytes (downloads, upload chunks) carry headers only and say so.
 * The reference server parses with these schemas and shapes its answers with them, the sync client
 * parses the answers with them, and tests/unit/wire checks the table against the yaml.
 */
/**
 * The body a client writes for a request schema (its input side: before defaults and transforms);
 * request bodies are built with `satisfies WireBody<typeof …RequestSchema>`, so a field the server
 * requires and the client leaves out fails the type check, not the request.
 */
export type WireBody<S extends z.ZodType> = z.input<S>;

export type WireEndpoint =
  | { readonly request: z.ZodType | null; readonly response: z.ZodType; readonly status: number }
  | { readonly bytes: 'request' | 'response' | 'none'; readonly status: number };

export const WIRE_ENDPOINTS = {
  'POST /v1/auth/login': { request: LoginRequestSchema, response: SessionSchema, status: 200 },
  'POST /v1/auth/refresh': { request: RefreshRequestSchema, response: SessionSchema, status: 200 },
  'GET /v1/organizations': { request: null, response: OrganizationsPageSchema, status: 200 },
  'GET /v1/calendar': { request: null, response: CalendarPageSchema, status: 200 },
  'POST /v1/leases': { request: LeaseRequestSchema, response: LeaseGrantSchema, status: 201 },
  'POST /v1/numbers': { request: NumberRequestSchema, response: AllocatedNumberSchema, status: 201 },
  'POST /v1/leases/{id}/return': { request: LeaseReturnRequestSchema, response: LeaseReturnedSchema, status: 200 },
  'GET /v1/registers/feed': { request: null, response: RegistersFeedPageSchema, status: 200 },
  'GET /v1/inbox': { request: null, response: InboxPageSchema, status: 200 },
  'POST /v1/documents/{id}/registration': {
    request: RegistrationRequestSchema,
    response: RegistrationAnswerSchema,
    status: 201,
  },
  'POST /v1/documents/{id}/statuses': { request: StatusRequestSchema, response: StatusAnswerSchema, status: 201 },
  'GET /v1/files/{sha256}': { bytes: 'response', status: 200 },
  'POST /v1/uploads': { request: UploadRequestSchema, response: UploadStateSchema, status: 201 },
  'HEAD /v1/uploads/{sha256}': { bytes: 'none', status: 200 },
  'PATCH /v1/uploads/{sha256}': { bytes: 'request', status: 204 },
  'POST /v1/outgoing': { request: PublishRequestSchema, response: PublishedSchema, status: 201 },
  'GET /v1/outgoing/{id}/recipients': { request: null, response: RecipientsSchema, status: 200 },
  'POST /v1/outgoing/{id}/recall': { request: RecallRequestSchema, response: RecalledSchema, status: 200 },
  'GET /v1/people/me': { request: null, response: PersonSchema, status: 200 },
  'GET /v1/people': { request: null, response: PeopleSchema, status: 200 },
  'POST /v1/office/cases/{id}/steps': { request: StepBodySchema, response: StepAnswerSchema, status: 201 },
  'GET /v1/office/inbox': { request: null, response: OfficeInboxPageSchema, status: 200 },
} as const satisfies Record<string, WireEndpoint>;
