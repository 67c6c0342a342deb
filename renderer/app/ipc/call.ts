import type { AppError, RendererChannelName, RequestOf, ResponseOf, Result } from '../../../preload/contract/index.ts';
import { vanthu } from '../../bridge/vanthu.ts';

/** A failure that never crossed the bridge (host gone, bug in the bridge), shown as a retryable bug. */
const unreachable: AppError = { code: 'INTERNAL', message: '', retryable: true };

/** Call a channel of the contract; a rejected promise becomes a Result too, so screens handle one shape. */
export async function call<C extends RendererChannelName>(
  channel: C,
  request: RequestOf<C>,
): Promise<Result<ResponseOf<C>>> {
  try {
    return await vanthu.invoke(channel, request);
  } catch {
    return { ok: false, error: unreachable };
  }
}

/** The host does not know the channel: the service behind a screen is not installed ("chưa có dịch vụ"). */
export function isServiceMissing(error: AppError): boolean {
  return error.code === 'IPC_UNKNOWN_CHANNEL';
}
