import type { ChangedObject } from '../../../../../preload/contract/verify.ts';

/** One rule's verdict on one use of a changed object. */
export interface Decision {
  readonly permitted: boolean;
  readonly role: string;
  readonly note: string;
  readonly clause: string;
}

export function allow(role: string, note: string, clause: string): Decision {
  return { permitted: true, role, note, clause };
}

export function deny(role: string, note: string, clause: string): Decision {
  return { permitted: false, role, note, clause };
}

/** Permitted when `ok`, with the same words either way. */
export function decide(ok: boolean, role: string, note: string, clause: string): Decision {
  return { permitted: ok, role, note, clause };
}

/** An object is permitted only if every use of it is: the first refusal decides, else the first permission. */
export function combine(decisions: readonly Decision[]): Decision | undefined {
  return decisions.find((d) => !d.permitted) ?? decisions[0];
}

export function changedObject(key: string, change: 'added' | 'modified', d: Decision): ChangedObject {
  return { ref: key.replace(/ R$/, ''), role: d.role, change, permitted: d.permitted, note: d.note, clause: d.clause };
}

/** Several rules on one object (the keys of the catalog, say): the first refusal, else all permissions' words together. */
export function merge(decisions: readonly Decision[]): Decision | undefined {
  const refused = decisions.find((d) => !d.permitted);
  const first = decisions[0];
  if (refused !== undefined || first === undefined) {
    return refused;
  }
  const unique = (items: readonly string[]) => [...new Set(items)];
  return {
    permitted: true,
    role: first.role,
    note: unique(decisions.map((d) => d.note)).join(' '),
    clause: unique(decisions.map((d) => d.clause)).join('; '),
  };
}
