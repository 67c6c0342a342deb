import { describe, expect, it } from 'vitest';
import { children, integerHex, octets, oid, parseDer, time, value } from '../../../main/services/pdf/verify/der.ts';

const hex = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s/g, ''), 'hex'));

describe('DER reader', () => {
  it('reads OIDs, integers without leading zeros and long-form lengths', () => {
    expect(oid(parseDer(hex('06092a864886f70d010702')))).toBe('1.2.840.113549.1.7.2');
    expect(oid(parseDer(hex('0603551d25')))).toBe('2.5.29.37');
    expect(integerHex(parseDer(hex('02030080ff')))).toBe('80ff');
    const long = parseDer(hex(`0481c8${'ab'.repeat(200)}`));
    expect(value(long).length).toBe(200);
  });

  it('resolves BER indefinite lengths and constructed octet strings', () => {
    // SEQUENCE (indefinite) { OCTET STRING constructed (indefinite) { 'ab', 'cd' } }
    const seq = parseDer(hex('3080 2480 0401ab 0401cd 0000 0000'));
    expect(seq.end).toBe(14);
    const [inner] = children(seq);
    expect(Buffer.from(octets(inner!)).toString('hex')).toBe('abcd');
  });

  it('reads UTCTime and GeneralizedTime with fractions', () => {
    expect(time(parseDer(hex(`170d${Buffer.from('261122083000Z').toString('hex')}`))).toISOString()).toBe(
      '2026-11-22T08:30:00.000Z',
    );
    const gen = Buffer.from('20261122083000.25Z').toString('hex');
    expect(time(parseDer(hex(`1812${gen}`))).toISOString()).toBe('2026-11-22T08:30:00.250Z');
  });

  it('refuses truncated input instead of reading past it', () => {
    expect(() => parseDer(hex('3005020100'))).toThrow();
    expect(() => parseDer(hex('3080020100'))).toThrow();
  });
});
