import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../preload/contract/index.ts';
import { createEventBus } from '../../../main/services/events/event-bus.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createTokenService } from '../../../main/services/tokens/token-service.ts';
import { openApp } from '../../support/app.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { createScratchSofthsm } from './scratch-softhsm.ts';

const pki = usePki();

/** The token and key of one test certificate, as a typed request names them. */
function keyOf(name: string): { token: { label: string }; keyIdHex: string } {
  const token = pki.certs[name]?.token;
  if (token === undefined) {
    throw new Error(`the test PKI has no token key for ${name}`);
  }
  return { token: { label: token.label }, keyIdHex: token.keyIdHex };
}

describe('tokens over IPC', () => {
  const app = openApp({ prefix: 'vanthu-ipc-tokens-', shell: 'cli', caller: 'electron', organization: null });
  const { services, call } = app;
  afterAll(async () => {
    services.tokens.stop();
    await app.close();
  });

  it('tokens.list returns the SoftHSM2 tokens in a Result', async () => {
    const result = await call('tokens.list', { modulePaths: [pki.softhsm.module] });
    expect(result.ok).toBe(true);
    const labels = result.ok ? result.value.tokens.map((t) => t.label) : [];
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
    const result = await call('tokens.preflight', { modulePath: pki.softhsm.module, ...keyOf('expired') });
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
    const person = keyOf('person');
    const request = { modulePath: pki.softhsm.module, ...person, role: 'organization' as const };
    const first = openApp({ prefix: 'vanthu-ipc-role-', shell: 'cli', caller: 'electron', organization: null });
    // The restart opens the same profile folder again.
    const open = () => openApp({ profileDir: first.profileDir, shell: 'cli', caller: 'electron', organization: null });
    try {
      const role = async () => {
        const result = await first.call('tokens.preflight', request);
        return result.ok ? result.value.checks.find((c) => c.name === 'role') : undefined;
      };
      // The CCCD in the subject makes the guess "personal": an organization step warns.
      expect(await role()).toMatchObject({ status: 'warn', code: 'CERT_ROLE_MISMATCH' });
      const before = await first.call('tokens.preflight', request);
      const sha256Hex = before.ok ? (before.value.certificate?.sha256Hex ?? '') : '';
      expect(sha256Hex).toMatch(/^[0-9a-f]{64}$/);
      const set = await first.call('tokens.setRole', { certificateSha256Hex: sha256Hex, role: 'organization' });
      expect(set).toMatchObject({ ok: true, value: { roleOverrides: { [sha256Hex]: 'organization' } } });
      expect(await role()).toMatchObject({ status: 'ok' });
    } finally {
      first.services.tokens.stop();
      await first.close();
    }
    const second = open();
    try {
      const listed = await second.call('tokens.list', { modulePaths: [pki.softhsm.module] });
      const certificates = listed.ok ? listed.value.tokens.flatMap((t) => t.certificates) : [];
      const own = certificates.find((c) => c.roleOverridden);
      expect(own).toMatchObject({ roleGuess: 'organization', keyIdHex: person.keyIdHex });
      expect(certificates.filter((c) => c.roleOverridden)).toHaveLength(1);
      const dropped = await second.call('tokens.setRole', { certificateSha256Hex: own?.sha256Hex ?? '', role: null });
      expect(dropped).toMatchObject({ ok: true, value: { roleOverrides: {} } });
      expect(second.services.settings.get().tokens.roleOverrides).toEqual({});
    } finally {
      second.services.tokens.stop();
      await second.close();
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
