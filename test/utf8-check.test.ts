import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Check } from '../src/batch/utf8-check.js';

/** Feeds `bytes` in chunks of `size`; the line of the first invalid byte, or undefined. */
function firstBadLine(bytes: Buffer, size: number): number | undefined {
  const check = new Utf8Check();
  for (let i = 0; i < bytes.length; i += size) check.check(bytes.subarray(i, i + size));
  check.end();
  return check.invalidLine;
}

describe('UTF-8 check of batch input', () => {
  it('passes valid UTF-8 whatever the chunk boundaries, multi-byte characters split included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (text, size) => {
        expect(firstBadLine(Buffer.from(`${text}\n会计,护士 👩‍⚕️\n`), size)).toBeUndefined();
      }),
    );
  });

  it('names the line of the first byte that is not UTF-8 (Latin-1, GBK, a cut-off character)', () => {
    expect(firstBadLine(Buffer.from('a\nb\ncaf\xe9\nd\n', 'latin1'), 3)).toBe(3);
    expect(firstBadLine(Buffer.concat([Buffer.from('h\n'), Buffer.from([0xbb, 0xe1, 0xbc, 0xc6]), Buffer.from('\n')]), 2)).toBe(2);
    expect(firstBadLine(Buffer.concat([Buffer.from('h\n'), Buffer.from('会').subarray(0, 2)]), 64)).toBe(2);
  });
});
