import { z } from 'zod';

/** One request/response channel: the request is validated in main, the response typed for the renderer. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelDef<Req, Res> {
  return { request, response };
}

/**
 * A calendar date in Vietnam as `YYYY-MM-DD` (ngày ban hành, hạn xử lý …); instants travel as
 * ISO 8601 UTC strings instead. One definition for every feature's schemas.
 */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
