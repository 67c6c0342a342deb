import { expect, type Locator, type Page } from '@playwright/test';
import { viOffice } from '../../../renderer/i18n/vi-office.ts';
import { nav } from '../support/frame.ts';

/** Hàng đợi của tôi and its sign-in, by the renderer's own words (renderer/i18n/vi-office.ts). */
export class OfficeQueuePage {
  readonly signInForm: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.signInForm = page.getByTestId('person-sign-in');
  }

  async open(): Promise<this> {
    await nav(this.page, viOffice.nav).click();
    return this;
  }

  /** Fills the sign-in and sends it; the answer (signed in, or refused) is the spec's to check. */
  async submitSignIn(username: string, password: string): Promise<void> {
    await this.signInForm.getByLabel(viOffice.signIn.username).fill(username);
    await this.signInForm.getByLabel(viOffice.signIn.password).fill(password);
    await this.signInForm.getByRole('button', { name: viOffice.signIn.submit }).click();
  }

  /** Opens the queue and signs the person in. */
  async signIn(username: string, password: string): Promise<void> {
    await this.open();
    await this.submitSignIn(username, password);
    await expect(this.page.getByTestId('office-person')).toBeVisible();
  }
}
