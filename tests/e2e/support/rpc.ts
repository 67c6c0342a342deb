import type { Page } from '@playwright/test';

/** A channel called from inside the page with the bridge's secret, as the renderer calls it. */
export async function rpc<T>(page: Page, channel: string, request: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ channel: name, request: body }) => {
      const response = await fetch('/rpc', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-vanthu-secret': sessionStorage.getItem('vanthu.secret') ?? '',
        },
        body: JSON.stringify({ channel: name, request: body }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { channel, request },
  );
  if (!result.ok) {
    throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  }
  return result.value as T;
}
