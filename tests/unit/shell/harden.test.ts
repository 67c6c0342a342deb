import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../main/platform/app-origin.ts';
import { hardenContents, type HardenableContents } from '../../../main/app/window/harden.ts';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  let requestHandler: ((wc: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
  let checkHandler: ((wc: unknown, p: string) => boolean) | undefined;
  const contents: HardenableContents = {
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
    on: (event, listener) => listeners.set(event, listener),
    session: {
      setPermissionRequestHandler: (h) => {
        requestHandler = h;
      },
      setPermissionCheckHandler: (h) => {
        checkHandler = h;
      },
    },
  };
  return { contents, listeners, open: () => openHandler, request: () => requestHandler, check: () => checkHandler };
}

function navigate(listener: ((e: { preventDefault(): void }, url: string) => void) | undefined, url: string): boolean {
  let prevented = false;
  listener?.({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('hardenContents', () => {
  it('denies new windows and hands https links to the system browser', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    hardenContents(fake.contents, (url) => opened.push(url));
    expect(fake.open()?.({ url: 'https://example.gov.vn' })).toEqual({ action: 'deny' });
    expect(fake.open()?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.gov.vn']);
  });

  it('blocks navigation and redirects away from the app origin', () => {
    const fake = fakeContents();
    hardenContents(fake.contents);
    expect(navigate(fake.listeners.get('will-navigate'), 'https://evil.example')).toBe(true);
    expect(navigate(fake.listeners.get('will-redirect'), 'file:///C:/x')).toBe(true);
    expect(navigate(fake.listeners.get('will-navigate'), 'app://vanthu/index.html')).toBe(false);
    expect(navigate(fake.listeners.get('will-attach-webview'), 'app://vanthu/x')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const fake = fakeContents();
    hardenContents(fake.contents);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      fake.request()?.(null, permission, (granted) => answers.push(granted));
      answers.push(fake.check()?.(null, permission) ?? true);
    }
    expect(answers.every((a) => a === false)).toBe(true);
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl('app://vanthu/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
