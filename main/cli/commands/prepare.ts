import { bestCandidate, findPlacements } from '../../services/pdf/layout/find-placements.ts';
import type { SignatureRole } from '../../services/pdf/placement.ts';
import { defaultPrepareOptions } from '../../services/pdf/sign/default-placements.ts';
import { readPdfInput } from '../../services/pdf/sign/input.ts';
import { preparePdf } from '../../services/pdf/sign/prepare.ts';
import type { PrepareOptions } from '../../services/pdf/sign/prepare.ts';
import type { Command } from '../command.ts';
import { parseOptions, parseRole, printResult, required } from './sign.ts';

export const prepareCommand: Command = {
  name: 'prepare',
  summary: 'Chuẩn bị văn bản: tạo trường số/ký hiệu, ngày ban hành và các trường chữ ký',
  usage: 'vanthu prepare --in IN.pdf --out OUT.pdf [--auto] [--signers personal,organization] [--json]',
  async run(args, { io }) {
    const { values } = parseOptions(args, {
      in: { type: 'string' },
      out: { type: 'string' },
      auto: { type: 'boolean' },
      signers: { type: 'string' },
      json: { type: 'boolean' },
    });
    const inPath = required(values.in, 'in');
    const outPath = required(values.out, 'out');
    const roles: SignatureRole[] = (values.signers ?? 'personal,organization')
      .split(',')
      .map((r) => parseRole(r.trim()));
    const bytes = await readPdfInput(inPath);
    const options =
      values.auto === true ? await autoPrepareOptions(bytes, roles) : await defaultPrepareOptions(bytes, roles);
    const result = await preparePdf(bytes, outPath, options);
    printResult(
      io,
      values.json === true,
      { ...result, outPath },
      `Đã tạo các trường ${result.fields.join(', ')}: ${outPath}`,
    );
    return 0;
  },
};

/** Field and signature positions read from the document's own text by the layout module. */
async function autoPrepareOptions(bytes: Uint8Array, roles: readonly SignatureRole[]): Promise<PrepareOptions> {
  const proposal = await findPlacements(bytes);
  const so = proposal.fields.find((f) => f.kind === 'so');
  const ngay = proposal.fields.find((f) => f.kind === 'ngay');
  return {
    ...(so === undefined ? {} : { soKyHieu: so.placement }),
    ...(ngay === undefined ? {} : { ngayBanHanh: ngay.placement }),
    signers: roles.map((role) => ({ role, placement: bestCandidate(proposal, role).placement })),
  };
}
