import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { buildCms } from '../../../main/services/pdf/sign/cms.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { certOf } from '../../support/verify/corpus.ts';

const pki = usePki();

describe('the CMS with its certificates spliced in as DER (#15)', () => {
  it('is byte for byte the SignedData pkijs encodes from the same parts, with signer and chain in order', async () => {
    const person = certOf(pki, 'person');
    const signer = await softwareSignerFromFiles(person.keyPem, person.certPem, pki.chainPem);
    const digest = new Uint8Array(32).fill(7);
    const cms = await buildCms({ digest, signer });

    // Decoded and encoded again by pkijs whole, certificates included, as buildCms once did.
    const info = pkijs.ContentInfo.fromBER(
      cms.buffer.slice(cms.byteOffset, cms.byteOffset + cms.byteLength) as ArrayBuffer,
    );
    const signedData = new pkijs.SignedData({ schema: info.content });
    const again = new pkijs.ContentInfo({ contentType: info.contentType, content: signedData.toSchema(true) });
    expect(Buffer.from(again.toSchema().toBER(false))).toEqual(Buffer.from(cms));

    const embedded = (signedData.certificates ?? []).map((c) =>
      Buffer.from((c as pkijs.Certificate).toSchema(true).toBER(false)),
    );
    expect(embedded).toEqual([Buffer.from(signer.certificate), ...signer.chain.map((c) => Buffer.from(c))]);
    expect(signedData.version).toBe(1);
    expect(signedData.signerInfos).toHaveLength(1);
  });
});
