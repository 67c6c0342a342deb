import { readFileSync } from 'node:fs';
import { silentLogger } from '../../services/log/logger.ts';
import { attachmentPath, openAttachment } from '../../services/store/attachments.ts';
import { openProfileStore } from '../../services/store/profile-store.ts';
import { ApiClient } from '../../services/sync/api-client.ts';
import { SyncEngine } from '../../services/sync/engine.ts';
import { createAttachmentFileSink } from '../../services/sync/file-sink.ts';
import { createRegisterLeaseSink } from '../../services/sync/lease-adapter.ts';
import { systemClock, type SyncCredentials } from '../../services/sync/ports.ts';
import { createStoreInboxSink } from '../../services/store/store-sinks.ts';
import { finalizeProvisional } from '../../services/sync/finalize-provisional.ts';
import { createAxiosTransport } from '../../services/sync/transport.ts';
import { ensureWorkstationId } from '../../services/sync/workstation-id.ts';
import { adoptForJob } from '../../services/store/registration-adoption.ts';
import type { Command, CommandContext } from './command.ts';
import { parseOptions } from './store-options.ts';

const USAGE = `Cách dùng:
  vanthu sync [--once] [--server URL] [--user TÊN] [--password-stdin] [--ca FILE.pem]
      gửi hàng đợi, nhận văn bản đến, bổ sung khối số; --once: một lượt rồi thoát
  vanthu sync status [--json]
Mật khẩu: --password-stdin hoặc biến VANTHU_SYNC_PASSWORD (không bao giờ ghi ra đĩa hay nhật ký).`;

async function credentials(
  values: Record<string, string>,
  flags: Set<string>,
  context: CommandContext,
): Promise<SyncCredentials | null> {
  const username = values['user'] ?? (await context.service('settings')).get().server.username;
  const password = flags.has('password-stdin')
    ? (await context.io.readStdin()).replace(/\r?\n$/, '')
    : context.io.env['VANTHU_SYNC_PASSWORD'];
  return username === '' || password === undefined || password === '' ? null : { username, password };
}

async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const { io } = context;
  const statusMode = args[0] === 'status';
  const options = parseOptions(statusMode ? args.slice(1) : args, {
    values: ['server', 'user', 'ca'],
    flags: ['once', 'json', 'password-stdin'],
  });
  if (typeof options === 'string') {
    io.err(`${options}\n${USAGE}\n`);
    return 64;
  }
  const { profile, settings, log } = await context.services();
  const url = options.values['server'] ?? settings.get().server.url;
  const secret = statusMode ? null : await credentials(options.values, options.flags, context);
  const caPath = options.values['ca'] ?? io.env['VANTHU_SYNC_CA'];
  const opened = openProfileStore(profile, settings, io.env);
  try {
    const { outbox, registers, maDinhDanh } = opened.store.context;
    const inbox = createStoreInboxSink(opened.store.context);
    const engine = new SyncEngine({
      api: new ApiClient(
        createAxiosTransport({
          baseUrl: url === '' ? 'http://127.0.0.1:8787' : url,
          ...(caPath === undefined ? {} : { ca: readFileSync(caPath, 'utf8') }),
        }),
        () => secret,
        () => systemClock.now(),
      ),
      outbox,
      files: {
        pathOf: (sha256) => attachmentPath(profile.files, sha256),
        open: (sha256) => openAttachment(profile.files, sha256),
      },
      leases: createRegisterLeaseSink(
        registers,
        () => registers.list(maDinhDanh).map((r) => r.id),
        ensureWorkstationId(settings),
      ),
      // The same sinks the store worker runs, here on the CLI's own connection.
      ...(statusMode
        ? {}
        : {
            inbox: {
              sink: { cursor: () => inbox.inboxCursor(), apply: (items, next) => void inbox.applyInbox(items, next) },
              files: createAttachmentFileSink(profile.files),
            },
            directory: {
              cursor: () => opened.store.directoryCursor(),
              apply: (items, next) => opened.store.applyDirectory(items, next),
            },
            receipts: {
              awaiting: () => opened.store.outgoingAwaitingStatuses(50),
              apply: (updates) => opened.store.applyRecipientStatuses(updates),
            },
            // A registration another workstation made first: adopt the server's số đến, as the app does.
            registrations: { adopt: (jobId, registration) => adoptForJob(opened.store.context, jobId, registration) },
          }),
      onResult: finalizeProvisional((id, soDen) => opened.store.finalizeProvisional(id, soDen), log),
      clock: systemClock,
      log: statusMode ? silentLogger : log,
    });
    if (statusMode) {
      const status = { ...(await engine.status()), conflicts: await engine.conflicts() };
      if (options.flags.has('json')) {
        io.out(`${JSON.stringify(status, null, 2)}\n`);
      } else {
        io.out(
          `Chờ gửi: ${status.pending} · Xung đột/lỗi cần xử lý: ${status.conflicts.length}\n` +
            status.conflicts.map((c) => `  - ${c.jobKind} ${c.documentKey}: ${c.message} → ${c.resolution}\n`).join(''),
        );
      }
      return 0;
    }
    if (secret === null) {
      io.err(`Thiếu tên đăng nhập hoặc mật khẩu máy chủ.\n${USAGE}\n`);
      return 64;
    }
    if (options.flags.has('once')) {
      const report = await engine.runRound();
      const status = await engine.status();
      io.out(
        `Đã gửi ${report.sent}, thử lại sau ${report.retried}, lỗi ${report.failed}, nhận ${report.pulled}; ` +
          `còn chờ ${status.pending}; kết nối: ${status.connection}.\n`,
      );
      return status.lastError === null ? 0 : 1;
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    while (!controller.signal.aborted) {
      await engine.runUntilIdle({ signal: controller.signal, pollMs: 30_000 });
      await systemClock.sleep(30_000, controller.signal);
    }
    return 0;
  } finally {
    opened.close();
  }
}

export const syncCommand: Command = {
  name: 'sync',
  summary: 'Đồng bộ với máy chủ QLVB&ĐH của tỉnh (hàng đợi gửi, văn bản đến, khối số)',
  usage: USAGE,
  run,
};
