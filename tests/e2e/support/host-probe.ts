import type { Page } from '@playwright/test';

/**
 * Which of these channels the real host does not know yet (IPC_UNKNOWN_CHANNEL), asked from
 * inside the page with the secret the bridge stored, exactly as the renderer would.
 */
export async function missingChannels(page: Page, channels: readonly string[]): Promise<string[]> {
  return page.evaluate(async (names) => {
    const secret = sessionStorage.getItem('vanthu.secret') ?? '';
    const out: string[] = [];
    for (const channel of names) {
      const response = await fetch('/rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vanthu-secret': secret },
        body: JSON.stringify({ channel, request: {} }),
      });
      const result = (await response.json()) as { ok: boolean; error?: { code: string } };
      if (!result.ok && result.error?.code === 'IPC_UNKNOWN_CHANNEL') {
        out.push(channel);
      }
    }
    return out;
  }, channels);
}
