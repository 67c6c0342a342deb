import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfSettings } from '../../../main/services/settings/conf-settings.ts';
import { ensureWorkstationId } from '../../../main/services/sync/workstation-id.ts';

describe('workstation id', () => {
  it('is generated on first use and stays the same across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-ws-id-'));
    const first = ensureWorkstationId(openConfSettings(dir));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(ensureWorkstationId(openConfSettings(dir))).toBe(first);
    expect(openConfSettings(dir).get().server.workstationId).toBe(first);
    // Another installation gets another id.
    expect(ensureWorkstationId(openConfSettings(mkdtempSync(join(tmpdir(), 'vanthu-ws-id-'))))).not.toBe(first);
  });
});
