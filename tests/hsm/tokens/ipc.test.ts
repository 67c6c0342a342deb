import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../preload/contract/index.ts';
import type { PreflightResult, TokenList } from '../../../preload/contract/tokens.ts';
import { composeServices } from '../../../main/app/compose.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { createEventBus } from '../../../main/services/events/event-bus.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createTokenService } from '../../../main/services/tokens/token-service.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { createScratchSofthsm } from './scratch-softhsm.ts';

const pki = usePki();

describe('tokens over IPC', () => {
  const services = composeServices({ profileDir: mkdtempSync(join(tmpdir(), 'vanthu-ipc-tokens-')), shell: 'cli' });
  const table = createHandlerTable(services);
  const call = (channel: string, payload: unknown) =>
    dispatch(table, channel, payload, { shell: 'electron' }, silentLogger);
  afterAll(() => services.tokens.stop());

  it('tokens.list returns the SoftHSM2 tokens in a Result', async () => {
    const result = await call('tokens.list', { modulePaths: [pki.softhsm.module] });
    expect(result.ok).toBe(true);
    const labels = result.ok ? (result.value as { tokens: Array<{ label: string }> }).tokens.map((t) => t.label) : [];
    expect(labels.sort()).toEqual(['VanthuCoQuan', 'VanthuLanhDao']);
  });

  it('refuses module paths that are neither in settings nor in the driver catalog', async () => {
    const list = await call('tokens.list', { modulePaths: ['/tmp/bat-ky.so'] });
    expect(list).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    const preflight = await call('tokens.preflight', {
      modulePath: '/tmp/bat-ky.so',
      token: { label: 'x' },
      keyIdHex: '01',
    });
    expect(preflight).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    services.settings.update({ tokens: { modulePaths: ['/tmp/bat-ky.so'] } });
    const added = await call('tokens.list', { modulePaths: ['/tmp/bat-ky.so'] });
    expect(added).toMatchObject({
      ok: true,
      value: { modules: [{ ok: false, error: { code: 'MODULE_LOAD_FAILED' } }] },
    });
  });

  it('tokens.preflight answers with the checks, and rejects a malformed key id', async () => {
    const expired = pki.certs['expired']?.token;
    const result = await call('tokens.preflight', {
      modulePath: pki.softhsm.module,
      token: { label: expired?.label },
      keyIdHex: expired?.keyIdHex,
    });
    expect(result).toMatchObject({ ok: true, value: { ok: false } });
    const bad = await call('tokens.preflight', {
      modulePath: pki.softhsm.module,
      token: { label: 'x' },
      keyIdHex: 'zz',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('tokens.setRole', () => {
  it('keeps the override in settings and uses it in tokens.list and pre-flight, also after a restart', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'vanthu-ipc-role-'));
    const person = pki.certs['person']?.token;
    const request = {
      modulePath: pki.softhsm.module,
      token: { label: person?.label },
      keyIdHex: person?.keyIdHex,
      role: 'organization',
    };
    const open = () => {
      const services = composeServices({ profileDir, shell: 'cli' });
      const table = createHandlerTable(services);
      const call = (channel: string, payload: unknown) =>
        dispatch(table, channel, payload, { shell: 'electron' }, silentLogger);
      return { services, call };
    };
    const first = open();
    try {
      const role = async () => {
        const result = await first.call('tokens.preflight', request);
        return result.ok ? (result.value as PreflightResult).checks.find((c) => c.name === 'role') : undefined;
      };
      // The CCCD in the subject makes the guess "personal": an organization step warns.
      expect(await role()).toMatchObject({ status: 'warn', code: 'CERT_ROLE_MISMATCH' });
      const before = await first.call('tokens.preflight', request);
      const sha256Hex = before.ok ? ((before.value as PreflightResult).certificate?.sha256Hex ?? '') : '';
      expect(sha256Hex).toMatch(/^[0-9a-f]{64}$/);
      const set = await first.call('tokens.setRole', { certificateSha256Hex: sha256Hex, role: 'organization' });
      expect(set).toMatchObject({ ok: true, value: { roleOverrides: { [sha256Hex]: 'organization' } } });
      expect(await role()).toMatchObject({ status: 'ok' });
    } finally {
      first.services.tokens.stop();
    }
    const second = open();
    try {
      const listed = await second.call('tokens.list', { modulePaths: [pki.softhsm.module] });
      const certificates = listed.ok ? (listed.value as TokenList).tokens.flatMap((t) => t.certificates) : [];
      const own = certificates.find((c) => c.roleOverridden);
      expect(own).toMatchObject({ roleGuess: 'organization', keyIdHex: person?.keyIdHex });
      expect(certificates.filter((c) => c.roleOverridden)).toHaveLength(1);
      const dropped = await second.call('tokens.setRole', { certificateSha256Hex: own?.sha256Hex, role: null });
      expect(dropped).toMatchObject({ ok: true, value: { roleOverrides: {} } });
      expect(second.services.settings.get().tokens.roleOverrides).toEqual({});
    } finally {
      second.services.tokens.stop();
    }
  });
});

describe('tokens.changed', () => {
  it('is emitted when a token appears and when it is removed', async () => {
    const hsm = createScratchSofthsm(pki.softhsm.module);
    const events = createEventBus();
    const seen: Array<EventPayload<'tokens.changed'>> = [];
    events.subscribe((event, payload) => {
      if (event === 'tokens.changed') {
        seen.push(payload as EventPayload<'tokens.changed'>);
      }
    });
    const service = createTokenService({
      log: silentLogger,
      userModulePaths: () => [],
      events,
      watchBy: 'probe',
      watchIntervalMs: 60_000, // polls come from refresh() here, so the test does not depend on timing
    });
    try {
      await hsm.withConf(async () => {
        // Children inherit SOFTHSM2_CONF: keep it pointing at the scratch store while watching.
        await service.list([hsm.module]);
        await service.refresh(); // the baseline is set by now
        execFileSync(
          'softhsm2-util',
          ['--init-token', '--free', '--label', 'CamVao', '--so-pin', '12345678', '--pin', '1234'],
          {
            env: hsm.env(),
            stdio: 'ignore',
          },
        );
        await service.refresh();
        expect(seen[0]?.tokens.map((t) => t.label)).toEqual(['CamVao']);
        execFileSync('softhsm2-util', ['--delete-token', '--token', 'CamVao'], { env: hsm.env(), stdio: 'ignore' });
        await service.refresh();
        expect(seen[1]?.tokens).toEqual([]);
      });
    } finally {
      service.stop();
    }
  });
});
