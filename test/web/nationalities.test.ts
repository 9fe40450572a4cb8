// The nationality picker's list (src/domain/countries.ts, web/src/i18n/countries.ts): ISO 3166-1 alpha-2's
// 249 officially assigned codes, Kosovo (XK), XX (unknown) and XS (stateless: issue #16 split them), each with a
// name in English and Lithuanian, in each language's alphabetical order.
import { describe, expect, it } from 'vitest';
import { ISO_COUNTRY_CODES, isNationalityCode, NATIONALITY_CODES } from '../../src/domain/countries.ts';
import { nationalities, nationalityName } from '../../web/src/i18n/countries.ts';

describe('the list of nationalities', () => {
  it('249 distinct ISO codes, with XK, XX and XS: 252 values', () => {
    expect(ISO_COUNTRY_CODES).toHaveLength(249);
    expect(new Set(NATIONALITY_CODES).size).toBe(252);
    // XX and XS are of ISO 3166-1's user-assigned range (XA–XZ), which no country is ever given
    for (const c of ['XX', 'XS']) expect(ISO_COUNTRY_CODES).not.toContain(c);
  });
  it('IQ is one, a name or a code not assigned is not', () => {
    expect(isNationalityCode('IQ')).toBe(true);
    for (const v of ['Iraq', 'Ir', 'iq', 'ZZ', 'UK', 'EU', '']) expect(isNationalityCode(v), v).toBe(false);
  });
  it('every code has a name of its own in English and Lithuanian', () => {
    for (const locale of ['en-GB', 'lt-LT'])
      for (const c of NATIONALITY_CODES)
        expect(nationalityName(locale, c, '?', '!'), `${locale} ${c}`).not.toBe(c);
    expect(nationalityName('en-GB', 'IQ', '?')).toBe('Iraq');
    expect(nationalityName('lt-LT', 'IQ', '?')).toBe('Irakas');
    expect(nationalityName('en-GB', 'XX', 'Unknown', 'Stateless')).toBe('Unknown');
    expect(nationalityName('en-GB', 'XS', 'Unknown', 'Stateless')).toBe('Stateless');
  });
  it('sorted by name in the chosen language, XX (unknown) and XS (stateless) last', () => {
    const names = nationalities('lt-LT', 'Nežinoma', 'Be pilietybės').map((n) => n.name);
    const order = new Intl.Collator('lt-LT');
    const named = names.slice(0, -2);
    expect(named).toEqual([...named].sort(order.compare));
    expect(names.slice(-2)).toEqual(['Nežinoma', 'Be pilietybės']);
    expect(names.indexOf('Irakas')).toBeLessThan(names.indexOf('Jamaika'));
  });
});
