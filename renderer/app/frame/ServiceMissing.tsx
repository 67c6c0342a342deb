import { vi } from '../../i18n/vi.ts';

/**
 * What a screen shows while the service behind it has not landed: the host answered
 * IPC_UNKNOWN_CHANNEL. Honest and specific, never placeholder data.
 */
export function ServiceMissing({ channel }: { channel: string }) {
  return (
    <div className="notice notice-missing" role="status" data-testid="service-missing">
      <strong>{vi.missing.title}</strong>
      <p>{vi.missing.body}</p>
      <p>
        {vi.missing.channel}: <code>{channel}</code>
      </p>
    </div>
  );
}
