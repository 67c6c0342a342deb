import type { Event } from 'electron';

/** One thing the shell did to Electron (or Electron did to the shell), in the order it happened. */
export interface Step {
  readonly what: string;
  readonly detail?: unknown;
}

/**
 * The ordered record every part of the double writes to, so a test can assert the shell's
 * sequence (schemes before ready, IPC before the window, sync after the window …) in one place.
 */
export class Timeline {
  readonly steps: Step[] = [];

  record(what: string, detail?: unknown): void {
    this.steps.push(detail === undefined ? { what } : { what, detail });
  }

  /** Position of the first step named `what`; -1 when it never happened. */
  indexOf(what: string): number {
    return this.steps.findIndex((step) => step.what === what);
  }

  names(): string[] {
    return this.steps.map((step) => step.what);
  }
}

/** Electron's `Event` object: a preventable event, as the .d.ts describes it. */
export function electronEvent<P extends object>(params: P): Event<P> {
  let prevented = false;
  const event = {
    preventDefault: (): void => {
      prevented = true;
    },
    get defaultPrevented(): boolean {
      return prevented;
    },
  };
  return Object.assign(event, params);
}
