import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INCOMING_STATE_VALUES } from '../../../preload/contract/incoming.ts';
import { OUTGOING_STATE_VALUES } from '../../../preload/contract/outgoing.ts';
import {
  actionsOfRole,
  INCOMING_TRANSITIONS,
  OUTGOING_TRANSITIONS,
  roleCan,
  WORKFLOW_ACTIONS,
  type UserRole,
} from '../../../preload/contract/workflow.ts';
import { actionsFor } from '../../../renderer/features/incoming/incoming-actions.ts';
import { mayReturn, nextAction } from '../../../renderer/features/outgoing/outgoing-actions.ts';

const ROLES: readonly UserRole[] = ['van-thu', 'lanh-dao', 'chuyen-vien'];
const root = join(import.meta.dirname, '../../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => !path.includes('/migrations/'));
}

/**
 * Where main writes a document's state, and the table lookup that admits the move (or why none
 * is needed). A new write of the state must be added here with its lookup, or the test fails.
 */
const STATE_WRITERS: Readonly<Record<string, { readonly table: string; readonly lookup: RegExp }>> = {
  'main/services/store/incoming-service.ts': { table: 'incoming', lookup: /incomingTransition\(current\.state, to\)/ },
  'main/services/store/outgoing-service.ts': { table: 'outgoing', lookup: /outgoingTransition\(doc\.state, action\)/ },
  'main/services/store/workflow-actions.ts': {
    table: 'outgoing',
    lookup: /outgoingTransition\(doc\.state, 'outgoing\.return'\)/,
  },
  // A recall from the sender: only from the states whose recall row the table has.
  'main/services/store/store-sinks.ts': { table: 'incoming', lookup: /row\.action === 'incoming\.recall'/ },
  // Not a move: the local record an office case becomes is created at the case's state.
  'main/services/store/office-outgoing.ts': { table: 'outgoing', lookup: /INSERT INTO office_outgoing/ },
};

describe('the workflow table (preload/contract/workflow.ts)', () => {
  it('names only real states, real actions and at least one role for each action', () => {
    for (const row of INCOMING_TRANSITIONS) {
      expect(INCOMING_STATE_VALUES, row.action).toContain(row.from);
      expect(INCOMING_STATE_VALUES, row.action).toContain(row.to);
    }
    for (const row of OUTGOING_TRANSITIONS) {
      expect(OUTGOING_STATE_VALUES, row.action).toContain(row.from);
      expect(OUTGOING_STATE_VALUES, row.action).toContain(row.to);
    }
    for (const [name, action] of Object.entries(WORKFLOW_ACTIONS)) {
      expect(action.roles.length, name).toBeGreaterThan(0);
      expect(action.duty, name).not.toBe('');
    }
    // Each outgoing step is taken from one state only, so the store may name the step and the table the state.
    const outgoingActions = OUTGOING_TRANSITIONS.map((row) => row.action);
    expect(new Set(outgoingActions).size).toBe(outgoingActions.length);
  });

  it('every place main writes a document state goes through the table', () => {
    const writers = [...sourcesUnder('main')].filter((path) =>
      /UPDATE (incoming|outgoing)_documents\s+SET[^`]*\bstate\s*=/.test(readFileSync(join(root, path), 'utf8')),
    );
    expect(writers.sort()).toEqual(Object.keys(STATE_WRITERS).sort());
    for (const [path, { lookup }] of Object.entries(STATE_WRITERS)) {
      expect(readFileSync(join(root, path), 'utf8'), path).toMatch(lookup);
    }
  });

  it('every literal move the store performs is a row of the table', () => {
    const targets = new Set<string>(INCOMING_TRANSITIONS.map((row) => row.to));
    const moves = new Set<string>(OUTGOING_TRANSITIONS.map((row) => row.action));
    let seen = 0;
    for (const path of sourcesUnder('main')) {
      const text = readFileSync(join(root, path), 'utf8');
      for (const [, to] of text.matchAll(/transitionIncoming\(\s*ctx,\s*[\w.]+,\s*'([^']+)'/g)) {
        expect(targets, `${path}: transitionIncoming → ${to}`).toContain(to);
        seen += 1;
      }
      for (const [, action] of text.matchAll(/moveOutgoing\(\s*ctx,\s*[\w.]+,\s*'([^']+)'/g)) {
        expect(moves, `${path}: moveOutgoing ${action}`).toContain(action);
        seen += 1;
      }
    }
    // submit, sign, number, seal, publish, recall and phân công: the scan did find the store's moves.
    expect(seen).toBeGreaterThanOrEqual(7);
  });

  it('the incoming buttons offer, for each role, only the rows that role may take from that state', () => {
    for (const state of INCOMING_STATE_VALUES) {
      for (const role of ROLES) {
        for (const offered of actionsFor(state, role)) {
          const row = INCOMING_TRANSITIONS.find((r) => r.from === state && r.action === offered.action);
          expect(row, `${role} ${state} ${offered.action}`).toBeDefined();
          expect(offered.to).toBe(row?.to);
          expect(roleCan(role, offered.action), `${role} ${offered.action}`).toBe(true);
          expect(offered.label).toBe(WORKFLOW_ACTIONS[offered.action].button);
        }
      }
    }
    expect(actionsFor('da-den', 'van-thu').map((a) => a.action)).toEqual(['incoming.receive', 'incoming.return']);
    expect(actionsFor('da-den', 'lanh-dao')).toEqual([]);
    expect(actionsFor('da-trinh', 'lanh-dao').map((a) => a.action)).toEqual([
      'incoming.assign',
      'incoming.backToClerk',
    ]);
    expect(actionsFor('phan-cong', 'chuyen-vien').map((a) => a.action)).toEqual(['incoming.start']);
  });

  it('the outgoing next step and trả lại dự thảo are offered only where the table lets that role act', () => {
    for (const state of OUTGOING_STATE_VALUES) {
      for (const role of ROLES) {
        const next = nextAction(state, role);
        if (next !== null) {
          expect(OUTGOING_TRANSITIONS.some((r) => r.from === state && r.action === next)).toBe(true);
          expect(roleCan(role, next), `${role} ${next}`).toBe(true);
        }
        if (mayReturn(state, role)) {
          expect(state).toBe('trinh-ky');
          expect(roleCan(role, 'outgoing.return')).toBe(true);
        }
      }
    }
    // Every step of the chain is offered to the role the table names for it.
    for (const row of OUTGOING_TRANSITIONS) {
      const offered = WORKFLOW_ACTIONS[row.action].roles.some((role) =>
        row.action === 'outgoing.return' ? mayReturn(row.from, role) : nextAction(row.from, role) === row.action,
      );
      expect(offered, row.action).toBe(true);
    }
    expect(nextAction('trinh-ky', 'van-thu')).toBeNull();
    expect(mayReturn('trinh-ky', 'chuyen-vien')).toBe(false);
  });

  it('the profile lists what its role may do', () => {
    expect(actionsOfRole('van-thu')).toContain('outgoing.issueNumber');
    expect(actionsOfRole('lanh-dao')).toEqual(expect.arrayContaining(['outgoing.sign', 'incoming.assign']));
    expect(actionsOfRole('lanh-dao')).not.toContain('outgoing.issueNumber');
  });
});
