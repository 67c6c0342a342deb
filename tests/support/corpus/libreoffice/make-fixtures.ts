/**
 * Regenerates the LibreOffice part of the corpus: spec → HTML → .docx → .pdf with soffice, and
 * the truth (where the chức vụ and name lines ended up) read back with `pdftotext -bbox-layout`.
 * LibreOffice is not installed in CI, so the outputs are committed under tests/fixtures/pdf/.
 * Run: node tests/support/corpus/libreoffice/make-fixtures.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Rect } from '../../../../main/services/pdf/placement.ts';
import { LIBREOFFICE_SPECS } from './specs.ts';
import { specToHtml } from './html.ts';
import type { DocumentTruth, SignerBlockTruth } from '../spec.ts';

const run = promisify(execFile);
const OUT = fileURLToPath(new URL('../../../fixtures/pdf/', import.meta.url));

interface BboxLine {
  readonly page: number;
  readonly pageHeight: number;
  readonly text: string;
  readonly rect: Rect;
}

/** Lines with their boxes from poppler (an oracle independent of pdfjs). */
async function bboxLines(pdf: string): Promise<BboxLine[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 32 << 20 });
  const lines: BboxLine[] = [];
  const pages = stdout.split('<page ').slice(1);
  for (const [page, chunk] of pages.entries()) {
    const pageHeight = Number(/height="([\d.]+)"/.exec(chunk)?.[1]);
    for (const m of chunk.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [...(m[5] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1] ?? '');
      const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      lines.push({
        page,
        pageHeight,
        text: words.join(' ').replace(/&amp;/g, '&'),
        rect: { x: x0, y: pageHeight - y1, width: x1 - x0, height: y1 - y0 },
      });
    }
  }
  return lines;
}

function find(lines: readonly BboxLine[], text: string, after?: BboxLine): BboxLine {
  const found = lines.find(
    (l) =>
      l.text === text.normalize('NFC') &&
      (after === undefined ||
        (l.page === after.page &&
          l.rect.y < after.rect.y &&
          Math.abs(l.rect.x + l.rect.width / 2 - (after.rect.x + after.rect.width / 2)) < 60)),
  );
  if (found === undefined) {
    throw new Error(`line not found: ${text}`);
  }
  return found;
}

const PDFA_SOURCE = 'cv-kt-1';
const work = await mkdtemp(join(tmpdir(), 'vanthu-lo-'));
try {
  const sources: string[] = [];
  for (const spec of LIBREOFFICE_SPECS) {
    const html = join(work, `${spec.id}.html`);
    await writeFile(html, specToHtml(spec));
    await run('soffice', [
      '--headless',
      `-env:UserInstallation=file://${work}/profile`,
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      work,
      html,
    ]);
    await run('soffice', [
      '--headless',
      `-env:UserInstallation=file://${work}/profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      join(work, `${spec.id}.docx`),
    ]);
    const pdf = join(work, `${spec.id}.pdf`);
    const lines = await bboxLines(pdf);
    const so = find(lines, `Số: ${spec.soKyHieu}`);
    const date = find(lines, spec.diaDanhNgay);
    const signerBlocks: SignerBlockTruth[] = spec.signers.map((s) => {
      const title = lines.filter((l) => l.text === (s.titleLines[s.titleLines.length - 1] ?? '').normalize('NFC'));
      const name = find(lines, s.name);
      const own = title
        .filter((t) => t.page === name.page && t.rect.y > name.rect.y)
        .sort((a, b) => Math.abs(a.rect.x - name.rect.x) - Math.abs(b.rect.x - name.rect.x))[0];
      if (own === undefined) {
        throw new Error(`title not found for ${s.name}`);
      }
      return { pageIndex: name.page, titleLine: own.rect, nameLine: name.rect };
    });
    const truth: DocumentTruth = {
      pageCount: new Set(lines.map((l) => l.page)).size,
      soLine: so.rect,
      dateLine: date.rect,
      signerBlocks,
    };
    await copyFile(pdf, join(OUT, `lo-${spec.id}.pdf`));
    await copyFile(join(work, `${spec.id}.docx`), join(OUT, `lo-${spec.id}.docx`));
    await writeFile(
      join(OUT, `lo-${spec.id}.truth.json`),
      `${JSON.stringify({ id: `lo-${spec.id}`, tenLoai: spec.tenLoai, truth }, null, 2)}\n`,
    );
    const producer = (await run('pdfinfo', [pdf])).stdout.match(/Producer:\s*(.*)/)?.[1] ?? '?';
    sources.push(
      `| lo-${spec.id}.pdf | ${spec.tenLoai} | ${spec.signers.map((s) => s.titleLines.join(' / ')).join(' + ')} | ${producer} |`,
    );
  }
  // The PDF/A-1b export of one document: the signer must keep such a file's classic xref tables.
  await run('soffice', [
    '--headless',
    `-env:UserInstallation=file://${work}/profile`,
    '--convert-to',
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"1"}}',
    '--outdir',
    work,
    join(work, `${PDFA_SOURCE}.docx`),
  ]);
  await copyFile(join(work, `${PDFA_SOURCE}.pdf`), join(OUT, `lo-${PDFA_SOURCE}.pdfa1b.pdf`));
  const version = (await run('soffice', ['--version'])).stdout.trim();
  await writeFile(
    join(OUT, 'SOURCES.md'),
    `# LibreOffice fixtures (placement corpus)\n\nGenerated by \`node tests/support/corpus/libreoffice/make-fixtures.ts\` with ${version}:\n` +
      `spec (\`tests/support/corpus/libreoffice/specs.ts\`) → HTML → \`.docx\` → \`.pdf\`. The \`.truth.json\` files hold where the\n` +
      `chức vụ and name lines landed, read with \`pdftotext -bbox-layout\` (poppler), not with pdfjs. Fonts: Times New Roman\n` +
      `is substituted by Liberation Serif (OFL). All text is invented test content.\n\n| file | tên loại | signer blocks | PDF producer |\n|---|---|---|---|\n${sources.join('\n')}\n\n` +
      `\`lo-${PDFA_SOURCE}.pdfa1b.pdf\`: the same \`.docx\` exported as PDF/A-1b (\`writer_pdf_Export\` with\n` +
      `\`SelectPdfVersion\` 1), for the signer's classic-xref test; no truth file, so not in the placement corpus.\n\n` +
      `Not committed here, made at test time: the wrapped-date headers (\`tests/support/corpus/wrapped.ts\`, producer\n` +
      `"pdf-lib (vanthu test corpus)", date lines wrapped in a narrow right column and drawn as two runs the way LibreOffice\n` +
      `lays out such a .docx) and pages given /Rotate 90 after the fact (\`turnedAfter\` in \`tests/support/corpus/producers.ts\`,\n` +
      `pdf-lib, applied to \`cv-kt-1\` and to \`lo-cv-kt-1.pdf\`). They are not LibreOffice output.\n`,
  );
  await readFile(join(OUT, 'SOURCES.md'));
} finally {
  await rm(work, { recursive: true, force: true });
}
