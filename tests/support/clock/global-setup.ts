import type { TestProject } from 'vitest/node';
import { runAnchor } from './anchor.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testNow: string;
  }
}

/** Chooses the run's anchor before any other global setup (the PKI is issued around it). */
export default function setup(project: TestProject): void {
  project.provide('testNow', runAnchor().toISOString());
}
