import { z } from 'zod';
import { IsoDateSchema } from '../define.ts';

/**
 * Pieces the provincial API's schemas share (server/openapi.yaml v1). Requests are plain objects:
 * the reference server keeps what it knows and drops the rest. Answers are loose objects: a client
 * keeps the fields a newer server adds, so an additive change (a minor version) never breaks it.
 */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** A calendar day `YYYY-MM-DD` (ngày đến, ngày ban hành). */
export const WireDaySchema = IsoDateSchema;

/** Sổ đi or sổ đến. */
export const RegisterKindSchema = z.enum(['di', 'den']);

/** How a registered document arrived: the trục, email, paper or another way. */
export const SourceSchema = z.enum(['truc', 'email', 'giay', 'khac']);

/** A year of a register, as the server accepts it in requests. */
export const RegisterYearSchema = z.number().int().min(2000).max(2100);

/** An organization's mã định danh (QCVN 102): dotted groups of capitals and digits, at most 35 characters. */
export const MA_DINH_DANH = /^(?=.{1,35}$)[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;

/**
 * A problem answer (RFC 9457) with the project's machine-readable `code`; conflicts add their
 * facts beside it (`soDen`, `recallReason` …). The client reads each field only when it is there:
 * a proxy's error page in front of the server is an answer too, just not one of these.
 */
export const ProblemSchema = z.looseObject({ status: z.number().int(), code: z.string(), detail: z.string() });
