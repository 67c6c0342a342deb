import type { Locator, Page } from '@playwright/test';
import { vi } from '../../../renderer/i18n/vi.ts';

/**
 * A Văn bản đi record's detail and its next-step buttons, named as the renderer names them
 * (renderer/i18n/vi-outgoing.ts, from the workflow table's words).
 */
export class OutgoingDetail {
  readonly root: Locator;
  readonly submit: Locator;
  readonly issueNumber: Locator;
  readonly seal: Locator;
  readonly publish: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('outgoing-detail');
    const button = (name: string): Locator => this.root.getByRole('button', { name });
    this.submit = button(vi.outgoing.actions.submit);
    this.issueNumber = button(vi.outgoing.actions.issueNumber);
    this.seal = button(vi.outgoing.actions.seal);
    this.publish = button(vi.outgoing.actions.publish);
  }
}
