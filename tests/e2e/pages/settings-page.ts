import { expect, type Locator, type Page } from '@playwright/test';
import { vi } from '../../../renderer/i18n/vi.ts';
import { viWorkflow } from '../../../renderer/i18n/vi-workflow.ts';
import { nav } from '../support/frame.ts';
import { chooseTrustRoot } from '../support/settings-files.ts';

/** What a spec sets in Cài đặt; an absent field is left as it is. */
export interface SettingsValues {
  readonly maDinhDanh?: string;
  readonly orgName?: string;
  readonly serverUrl?: string;
  /** The server account remembered for the login below the form. */
  readonly username?: string;
  /** Off: this clerk syncs by hand. */
  readonly autoSync?: boolean;
  /** The PKCS#11 module added by path (the test SoftHSM2 module). */
  readonly modulePath?: string;
  /** A trusted root (or chain) chosen as a file. */
  readonly trustRoot?: string;
}

/**
 * Cài đặt, found by the labels the renderer shows (renderer/i18n/vi-settings.ts): a label changed
 * there changes the selector here.
 */
export class SettingsPage {
  readonly maDinhDanh: Locator;
  readonly orgName: Locator;
  readonly serverUrl: Locator;
  readonly username: Locator;
  readonly autoSync: Locator;
  readonly modulePaths: Locator;
  readonly saveButton: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.maDinhDanh = page.getByLabel(vi.settings.maDinhDanh);
    this.orgName = page.getByLabel(vi.settings.orgName, { exact: true });
    this.serverUrl = page.getByLabel(vi.settings.serverUrl);
    this.username = page.getByLabel(vi.settings.username);
    this.autoSync = page.getByLabel(vi.settings.autoSync);
    this.modulePaths = page.getByLabel(vi.settings.modulePaths);
    this.saveButton = page.getByRole('button', { name: vi.common.save, exact: true });
  }

  /** Opens Cài đặt from the sidebar (after loading `url`, when given). */
  async open(url?: string): Promise<this> {
    if (url !== undefined) {
      await this.page.goto(url);
    }
    await nav(this.page, vi.nav.settings).click();
    return this;
  }

  async fill(values: SettingsValues): Promise<void> {
    if (values.maDinhDanh !== undefined) {
      await this.maDinhDanh.fill(values.maDinhDanh);
    }
    if (values.orgName !== undefined) {
      await this.orgName.fill(values.orgName);
    }
    if (values.serverUrl !== undefined) {
      await this.serverUrl.fill(values.serverUrl);
    }
    if (values.username !== undefined) {
      await this.username.fill(values.username);
    }
    if (values.autoSync !== undefined) {
      await this.autoSync.setChecked(values.autoSync);
    }
    if (values.modulePath !== undefined) {
      await this.modulePaths.fill(values.modulePath);
    }
    if (values.trustRoot !== undefined) {
      await chooseTrustRoot(this.page, values.trustRoot);
    }
  }

  /** Saves and waits for the confirmation. */
  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.page.getByTestId('settings-saved')).toBeVisible();
  }

  /** Open, fill and save: Cài đặt as the person's IT contact leaves it. */
  async configure(values: SettingsValues, url?: string): Promise<void> {
    await this.open(url);
    await this.fill(values);
    await this.save();
  }
}

/** The server login under Cài đặt (renderer/i18n/vi-workflow.ts); the answer is the spec's to check. */
export async function serverLogin(page: Page, username: string, password: string): Promise<void> {
  const login = page.getByTestId('server-login');
  await login.getByLabel(viWorkflow.login.username).fill(username);
  await login.getByLabel(viWorkflow.login.password).fill(password);
  await login.getByRole('button', { name: viWorkflow.login.submit }).click();
}
