import { nextVendorId, tagStem, validateVendorInput, vendorTag } from '../../src/domain/vendors';

describe('vendor tags', () => {
  test.each([
    ['Alpha', 'V1', 'Vendor_Alpha'],
    ['Shenzhen Bright LED', 'V2', 'Vendor_ShenzhenBrightLed'],
    ['Shenzhen Bright LED Co., Ltd.', 'V2', 'Vendor_ShenzhenBrightLed'],
    ['Müller & Söhne GmbH', 'V3', 'Vendor_MullerSohne'],
    ['深圳市光明电子有限公司', 'V1023', 'Vendor_V1023'],
    ['义乌 Star Trading', 'V7', 'Vendor_StarTrading'],
    ['=HYPERLINK("x")', 'V8', 'Vendor_HyperlinkX'],
  ])('%s → %s', (name, id, tag) => {
    expect(vendorTag(name, id, [])).toBe(tag);
  });
  test('collisions get a suffix, case-insensitively', () => {
    expect(vendorTag('ALPHA', 'V9', ['Vendor_Alpha'])).toBe('Vendor_Alpha2');
    expect(vendorTag('alpha', 'V10', ['Vendor_Alpha', 'vendor_alpha2'])).toBe('Vendor_Alpha3');
  });
  test('a name and an ID without Latin characters still give a tag', () => {
    expect(tagStem('深圳')).toBe('');
    expect(vendorTag('深圳', '供应商', [])).toBe('Vendor_Vendor');
  });
  test('generated vendor IDs skip taken ones', () => {
    const next = nextVendorId(['V0001', 'v0003']);
    expect([next(), next(), next()]).toEqual(['V0002', 'V0004', 'V0005']);
  });
  test('vendor input is checked per field', () => {
    expect(validateVendorInput({ vendorId: 'V1', name: 'A', slaDays: 10, defaultCurrency: 'usd' })).toMatchObject({ ok: true, value: { defaultCurrency: 'USD', slaDays: 10 } });
    const bad = validateVendorInput({ vendorId: '', name: 'A', slaDays: 1.5, defaultCurrency: 'ZZZ' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field).sort()).toEqual(['defaultCurrency', 'slaDays', 'vendorId']);
  });
});
