import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/ipc/sender.ts';

describe('IPC sender check', () => {
  it('accepts only the top-level frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://vanthu/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://vanthu/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///C:/app/index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
