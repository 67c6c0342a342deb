import { basename } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { vi } from '../../../renderer/i18n/vi.ts';

/** "Đã chọn: name", as the file chooser says once the file is in (vi.issuing.files.chosen without its size). */
function chosen(path: string): string {
  return vi.issuing.files.chosen(basename(path), 0).replace(/ \(.*\)$/, '');
}

/** What a spec types into the outgoing draft form; an absent field is left as it is. */
export interface DraftValues {
  readonly tenLoai?: string;
  readonly kyHieu?: string;
  readonly trichYeu?: string;
  readonly coQuanBanHanh?: string;
  readonly nguoiKy?: string;
  /** Nơi nhận, one "mã định danh | tên" per line. */
  readonly recipients?: string;
  /** Hạn trả lời (YYYY-MM-DD). */
  readonly hanTraLoi?: string;
  /** Files chosen for the draft PDF and its editable original. */
  readonly pdf?: string;
  readonly nguon?: string;
}

/** The Văn bản đi draft form, by its labels (renderer/i18n/vi-outgoing.ts, vi-issuing.ts). */
export class DraftForm {
  readonly tenLoai: Locator;
  readonly kyHieu: Locator;
  readonly trichYeu: Locator;
  readonly coQuanBanHanh: Locator;
  readonly nguoiKy: Locator;
  readonly recipients: Locator;
  readonly hanTraLoi: Locator;
  readonly pdf: Locator;
  readonly nguon: Locator;

  readonly scope: Page | Locator;

  constructor(scope: Page | Locator) {
    this.scope = scope;
    const fields = vi.outgoing.fields;
    this.tenLoai = scope.getByLabel(fields.tenLoai);
    this.kyHieu = scope.getByLabel(fields.kyHieu);
    this.trichYeu = scope.getByLabel(fields.trichYeu);
    this.coQuanBanHanh = scope.getByLabel(fields.coQuanBanHanh);
    this.nguoiKy = scope.getByLabel(fields.nguoiKy);
    this.recipients = scope.getByLabel(fields.recipients);
    this.hanTraLoi = scope.getByLabel(fields.hanTraLoi);
    this.pdf = scope.getByLabel(vi.issuing.files.labels.pdf);
    this.nguon = scope.getByLabel(vi.issuing.files.labels.nguon);
  }

  async fill(values: DraftValues): Promise<void> {
    const text: Array<[Locator, string | undefined]> = [
      [this.tenLoai, values.tenLoai],
      [this.kyHieu, values.kyHieu],
      [this.trichYeu, values.trichYeu],
      [this.coQuanBanHanh, values.coQuanBanHanh],
      [this.nguoiKy, values.nguoiKy],
      [this.recipients, values.recipients],
      [this.hanTraLoi, values.hanTraLoi],
    ];
    for (const [field, value] of text) {
      if (value !== undefined) {
        await field.fill(value);
      }
    }
    // Each file is streamed to main before the form can be saved: wait until the form says it is chosen.
    if (values.pdf !== undefined) {
      await this.pdf.setInputFiles(values.pdf);
      await expect(this.scope.getByTestId('draft-pdf')).toContainText(chosen(values.pdf));
    }
    if (values.nguon !== undefined) {
      await this.nguon.setInputFiles(values.nguon);
      await expect(this.scope.getByTestId('draft-source')).toContainText(chosen(values.nguon));
    }
  }
}
