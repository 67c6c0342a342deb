import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayoutProposalSchema, LayoutProposeRequestSchema } from '../../../preload/contract/layout.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createLayoutService } from '../../../main/services/pdf/layout/layout-service.ts';
import { createPopplerRenderer } from '../../../main/services/pdf/layout/page-renderer.ts';
import { createSettingsStore } from '../../../main/services/settings/settings-store.ts';
import { RED, sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';

describe('layout service (preview API)', () => {
  let dir = '';
  const settings = createSettingsStore({ store: {} });
  const service = createLayoutService({ settings, log: silentLogger, renderer: createPopplerRenderer() });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanthu-layout-'));
    await writeFile(join(dir, 'qd.pdf'), (await makeDocument()).bytes);
    await writeFile(join(dir, 'qd90.pdf'), (await makeDocument({ rotation: 90, extraParagraphs: 30 })).bytes);
    await writeFile(join(dir, 'red-signature.png'), signaturePng(300, 120, RED));
    await writeFile(join(dir, 'seal.png'), sealPng(400, RED, 282));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('proposes boxes per role with evidence, screen boxes and a rendered page, matching the contract', async () => {
    const request = LayoutProposeRequestSchema.parse({
      path: join(dir, 'qd.pdf'),
      signatureImagePath: join(dir, 'red-signature.png'),
      sealImagePath: join(dir, 'seal.png'),
    });
    const proposal = LayoutProposalSchema.parse(await service.propose(request));
    expect(proposal.candidates.map((c) => c.role).sort()).toEqual(['appendix', 'copy', 'organization', 'personal']);
    expect(proposal.fields.map((f) => f.kind)).toEqual(['so', 'ngay']);
    expect(proposal.warnings).toEqual([
      'Ảnh chữ ký không có màu xanh; Nghị định 30 quy định hình ảnh chữ ký màu xanh.',
    ]);
    const page = proposal.pages[0];
    expect(page?.image).toMatch(/^data:image\/png;base64,iVBOR/);
    const personal = proposal.candidates.find((c) => c.role === 'personal');
    // Screen boxes have a top-left origin: the signer block is in the lower half of page 1.
    expect(personal?.screenRect.y).toBeGreaterThan((page?.height ?? 0) / 2);
    expect(personal?.rect.y).toBeLessThan((page?.height ?? 0) / 2);
  });

  it('turns a dragged screen box back into the user-space box, also on a rotated page', async () => {
    for (const file of ['qd.pdf', 'qd90.pdf']) {
      const proposal = await service.propose(
        LayoutProposeRequestSchema.parse({ path: join(dir, file), render: false }),
      );
      for (const candidate of proposal.candidates) {
        const page = proposal.pages.find((p) => p.pageIndex === candidate.pageIndex);
        if (page === undefined) {
          throw new Error('no page preview');
        }
        const back = service.override({
          role: candidate.role,
          pageIndex: candidate.pageIndex,
          view: page.view,
          rotation: page.rotation,
          screenRect: candidate.screenRect,
        });
        expect(back.pageRotation).toBe(page.rotation);
        for (const k of ['x', 'y', 'width', 'height'] as const) {
          expect(back.rect[k]).toBeCloseTo(candidate.rect[k], 6);
        }
      }
    }
  });

  it('keeps a dragged box on the page and refuses a tiny one', () => {
    const view: [number, number, number, number] = [0, 0, 595.28, 841.89];
    const moved = service.override({
      role: 'personal',
      pageIndex: 0,
      view,
      rotation: 0,
      screenRect: { x: 560, y: -30, width: 100, height: 40 },
    });
    expect(moved.rect.x + moved.rect.width).toBeCloseTo(595.28);
    expect(moved.rect.y + moved.rect.height).toBeCloseTo(841.89);
    expect(() =>
      service.override({
        role: 'personal',
        pageIndex: 0,
        view,
        rotation: 0,
        screenRect: { x: 10, y: 10, width: 5, height: 5 },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('says FILE_NOT_FOUND and IMAGE_INVALID in Vietnamese', async () => {
    await expect(
      service.propose(LayoutProposeRequestSchema.parse({ path: join(dir, 'missing.pdf') })),
    ).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await writeFile(join(dir, 'sig.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    await expect(
      service.propose(
        LayoutProposeRequestSchema.parse({ path: join(dir, 'qd.pdf'), signatureImagePath: join(dir, 'sig.jpg') }),
      ),
    ).rejects.toMatchObject({ code: 'IMAGE_INVALID', message: expect.stringMatching(/JPEG/) });
  });
});
