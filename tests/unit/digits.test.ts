import { describe, expect, it } from 'vitest';
import { formatPersianNumber, padPersian, toAsciiDigits, toPersianDigits } from '../../src/lib/persian/digits';

describe('digits', () => {
  it('writes ASCII and Arabic-Indic digits as Persian digits', () => {
    expect(toPersianDigits('1403/09/03')).toBe('۱۴۰۳/۰۹/۰۳');
    expect(toPersianDigits('١٤٠٣')).toBe('۱۴۰۳');
    expect(toPersianDigits(1234567890)).toBe('۱۲۳۴۵۶۷۸۹۰');
    expect(toPersianDigits('بدون رقم')).toBe('بدون رقم');
  });

  it('writes Persian and Arabic-Indic digits as ASCII', () => {
    expect(toAsciiDigits('۱۴۰۳-۰۹-۰۳ ۱۴:۳۰')).toBe('1403-09-03 14:30');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits(toPersianDigits('0123456789'))).toBe('0123456789');
  });

  it('pads and groups only when asked', () => {
    expect(padPersian(9)).toBe('۰۹');
    expect(padPersian(12)).toBe('۱۲');
    expect(formatPersianNumber(1403)).toBe('۱۴۰۳');
    expect(formatPersianNumber(1234567, { grouped: true })).toBe('۱٬۲۳۴٬۵۶۷');
    expect(formatPersianNumber(999, { grouped: true })).toBe('۹۹۹');
  });
});
