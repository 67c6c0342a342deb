import {
  channels,
  errorMessageVi,
  fail,
  isChannelName,
  isHostOnlyChannel,
  isVanthuError,
  ok,
  type ChannelName,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '../../preload/contract/index.ts';
import type { Logger } from '../services/log/logger.ts';

/** Who is calling: the shell that carried the request, for logs and per-call decisions. */
export interface CallContext {
  readonly shell: 'electron' | 'browser' | 'cli';
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** Every channel must have exactly one handler; the type makes a missing one a compile error. */
export type HandlerTable = { readonly [C in ChannelName]: Handler<C> };

/**
 * Validate and run one request. The sender has already been checked by the shell adapter;
 * here the payload is parsed with the contract's zod schema, and every outcome becomes a Result.
 */
export async function dispatch(
  table: HandlerTable,
  channelName: string,
  payload: unknown,
  context: CallContext,
  log: Logger,
): Promise<Result<unknown>> {
  if (!isChannelName(channelName)) {
    return fail({ code: 'IPC_UNKNOWN_CHANNEL', message: errorMessageVi('IPC_UNKNOWN_CHANNEL'), retryable: false });
  }
  if (isHostOnlyChannel(channelName) && context.shell !== 'cli') {
    // A path-taking channel (host-only.ts): the screens use handles and ids, never these.
    log.warn('ipc.host_only_refused', { channel: channelName, shell: context.shell });
    return fail({
      code: 'IPC_FORBIDDEN',
      message: errorMessageVi('IPC_FORBIDDEN', 'Thao tác này chỉ dùng được từ công cụ dòng lệnh trên máy trạm.'),
      retryable: false,
      details: { channel: channelName },
    });
  }
  const parsed = channels[channelName].request.safeParse(payload);
  if (!parsed.success) {
    return fail({
      code: 'INVALID_INPUT',
      message: errorMessageVi('INVALID_INPUT'),
      retryable: false,
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
    });
  }
  try {
    const handler = table[channelName] as Handler<ChannelName>;
    return ok(await handler(parsed.data as never, context));
  } catch (error) {
    if (isVanthuError(error)) {
      return fail(error.toAppError());
    }
    log.error('ipc.handler_bug', { channel: channelName, shell: context.shell, error });
    return fail({ code: 'INTERNAL', message: errorMessageVi('INTERNAL'), retryable: false });
  }
}
