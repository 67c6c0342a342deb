/**
 * Step names as each workstation knows them. Cấp số was the step `number` before API 1.7.0 and is
 * `issue-number` since; a renamed value in an answer would break a workstation not yet upgraded
 * (its parse refuses an unknown kind), which the versioning rule of /v1 forbids. So a workstation
 * that does not say it speaks 1.7.0 or later gets the old name; what it sends under the old name
 * is read as the new one (StepBodyReadSchema).
 */
const RENAMED_AT = [1, 7, 0] as const;
const OLD_NAMES: Readonly<Record<string, string>> = { 'issue-number': 'number' };

/** Whether a workstation that sent this X-Api-Version knows the step names of 1.7.0. */
export function knowsCurrentStepNames(version: string | undefined): boolean {
  const parts = /^(\d+)\.(\d+)\.(\d+)$/u.exec(version ?? '');
  if (parts === null) {
    return false;
  }
  const [major, minor, patch] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (major !== RENAMED_AT[0]) {
    return major > RENAMED_AT[0];
  }
  return minor !== RENAMED_AT[1] ? minor > RENAMED_AT[1] : patch >= RENAMED_AT[2];
}

interface InboxItemStep {
  readonly step: { readonly kind: string; readonly body: unknown };
}

/** An inbox item as the workstation reads it: under the old step name where it knows only that. */
export function withStepNamesFor<T extends InboxItemStep>(item: T, current: boolean): T {
  const old = OLD_NAMES[item.step.kind];
  if (current || old === undefined) {
    return item;
  }
  const body = item.step.body;
  return {
    ...item,
    step: {
      ...item.step,
      kind: old,
      body: typeof body === 'object' && body !== null ? { ...body, kind: old } : body,
    },
  };
}
