import { constants, inflateSync } from 'node:zlib';
import { PdfSyntaxError } from './parse-object.ts';
import { unpredict } from './predictor.ts';
import { PdfDict, isArray, type PdfStream } from './values.ts';

/** Object and xref streams are small; anything bigger is a decompression bomb, not a PDF. */
const MAX_DECODED = 64 * 1024 * 1024;

/**
 * The decoded bytes of a structural stream (object stream, xref stream): no filter or
 * FlateDecode, with or without a PNG predictor, which is all writers use for these. A truncated
 * deflate stream yields what it has, as viewers do.
 */
export function decodeStructural(stream: PdfStream): Uint8Array {
  const filter = stream.dict.get('Filter');
  const only = isArray(filter) && filter.length === 1 ? filter[0] : filter;
  const parmsRaw = stream.dict.get('DecodeParms');
  const parms = isArray(parmsRaw) && parmsRaw.length === 1 ? parmsRaw[0] : parmsRaw;
  let data: Uint8Array;
  if (only === undefined || only === null) {
    data = stream.data;
  } else if (typeof only === 'object' && 'name' in only && only.name === 'FlateDecode') {
    try {
      data = inflateSync(stream.data, { maxOutputLength: MAX_DECODED, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (cause) {
      throw new PdfSyntaxError(`undecodable stream: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  } else {
    throw new PdfSyntaxError('unsupported filter for a structural stream');
  }
  if (parms instanceof PdfDict) {
    const predictor = parms.get('Predictor');
    const columns = parms.get('Columns');
    try {
      return unpredict(data, typeof predictor === 'number' ? predictor : 1, typeof columns === 'number' ? columns : 1);
    } catch (cause) {
      throw new PdfSyntaxError(cause instanceof Error ? cause.message : 'bad predictor');
    }
  }
  return data;
}
