import type { AppError, ChannelName, RequestOf, ResponseOf, Result } from '../../../preload/contract/index.ts';
import { vanthu } from '../../bridge/vanthu.ts';

/** A failure that never crossed the bridge (host gone, bug in the bridge), shown as a retryable bug. */
const unreachable: AppError = { code: 'INTERNAL', message: '', retryable: true };

/** Call a channel of the contract; a rejected promise becomes a Result too, so screens handle one shape. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  try {
    return await vanthu.invoke(channel, request);
  } catch {
    return { ok: false, error: unreachable };
  }
}

/**
 * Call a channel that a service engineer has announced but not yet merged into `channels.ts`.
 * The host answers IPC_UNKNOWN_CHANNEL until it lands, which screens show as "chưa có dịch vụ".
 * Replace each use with `call` once the channel is in the map (the response type then comes from zod).
 */
export async function callPending<T>(channel: string, request: unknown): Promise<Result<T>> {
  const loose = vanthu.invoke as unknown as (name: string, body: unknown) => Promise<Result<T>>;
  try {
    return await loose(channel, request);
  } catch {
    return { ok: false, error: unreachable };
  }
}

export function isServiceMissing(error: AppError): boolean {
  return error.code === 'IPC_UNKNOWN_CHANNEL';
}
