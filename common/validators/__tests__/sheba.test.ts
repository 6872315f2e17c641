import { describe, expect, it } from 'vitest';
import { isValidSheba, normalizeSheba, shebaBankCode, shebaBankName } from '../sheba.js';

const VALID = ['IR820540102680020817909002', 'IR550570022080013447370101', 'IR790610000000700796858044'];
const INVALID = ['IR820540102680020817909003', 'IR012345678901234567890123'];

describe('Sheba (شبا)', () => {
  it.each(VALID)('accepts %s', (sheba) => {
    expect(isValidSheba(sheba)).toBe(true);
    expect(normalizeSheba(sheba)).toBe(sheba);
  });

  it.each(INVALID)('rejects %s', (sheba) => {
    expect(isValidSheba(sheba)).toBe(false);
    expect(normalizeSheba(sheba)).toBeNull();
  });

  it('accepts lowercase, spaces, dashes, Persian digits and a missing IR', () => {
    const want = 'IR820540102680020817909002';
    expect(normalizeSheba('ir820540102680020817909002')).toBe(want);
    expect(normalizeSheba('IR82 0540 1026 8002 0817 9090 02')).toBe(want);
    expect(normalizeSheba('IR82-0540-1026-8002-0817-9090-02')).toBe(want);
    expect(normalizeSheba('IR۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲')).toBe(want);
    expect(normalizeSheba('٨٢٠٥٤٠١٠٢٦٨٠٠٢٠٨١٧٩٠٩٠٠٢')).toBe(want);
    expect(normalizeSheba('820540102680020817909002')).toBe(want);
  });

  it('rejects other countries, lengths and letters', () => {
    for (const bad of ['', 'IR82054010268002081790900', 'IR8205401026800208179090021', 'DE89370400440532013000', 'IR82054010268002081790900X']) {
      expect(normalizeSheba(bad), bad).toBeNull();
    }
  });

  it('reads the bank code and name', () => {
    expect(shebaBankCode('IR820540102680020817909002')).toBe('054');
    expect(shebaBankName('IR820540102680020817909002')).toBe('بانک پارسیان');
    expect(shebaBankCode('IR550570022080013447370101')).toBe('057');
    expect(shebaBankName('IR550570022080013447370101')).toBe('بانک پاسارگاد');
    expect(shebaBankCode('IR790610000000700796858044')).toBe('061');
    expect(shebaBankName('IR790610000000700796858044')).toBe('بانک شهر');
    expect(shebaBankCode('IR820540102680020817909003')).toBeNull();
    expect(shebaBankName('IR820540102680020817909003')).toBeNull();
  });
});
