import type { Locator, Page } from '@playwright/test';
import { vi } from '../../../renderer/i18n/vi.ts';

/**
 * Choosing the certificate and entering the PIN, by the labels of Ký duyệt
 * (renderer/i18n/vi-signing.ts), wherever a signature is asked for (ký duyệt, đóng dấu, phụ lục).
 */
export function certificateSelect(scope: Page | Locator): Locator {
  return scope.getByLabel(vi.signing.certificate);
}

/** Chooses the first certificate the token offers (the picker's first option is the prompt). */
export async function chooseCertificate(scope: Page | Locator): Promise<void> {
  await certificateSelect(scope).selectOption({ index: 1 });
}

export class PinDialog {
  readonly root: Locator;
  readonly pin: Locator;
  readonly confirm: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('pin-dialog');
    this.pin = this.root.getByLabel(vi.signing.pin.label);
    this.confirm = this.root.getByRole('button', { name: vi.signing.pin.confirm, exact: true });
  }

  /** Enters the PIN and signs. */
  async sign(pin: string): Promise<void> {
    await this.pin.fill(pin);
    await this.confirm.click();
  }
}
