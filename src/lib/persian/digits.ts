/** Digit conversion between ASCII, Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669). */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Writes every ASCII and Arabic-Indic digit in `value` as a Persian digit. */
export function toPersianDigits(value: string | number): string {
  return String(value).replace(/[0-9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const n = code >= ARABIC_INDIC_ZERO ? code - ARABIC_INDIC_ZERO : code - 48;
    return String.fromCharCode(PERSIAN_ZERO + n);
  });
}

/** Writes every Persian and Arabic-Indic digit in `value` as an ASCII digit (for URLs, parsing). */
export function toAsciiDigits(value: string): string {
  return value.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

/** Zero-pads an integer to `width` digits, in Persian digits (e.g. ۰۹ for a month). */
export function padPersian(n: number, width = 2): string {
  return toPersianDigits(String(n).padStart(width, '0'));
}

/**
 * A count for display, with Persian digits and the Persian thousands separator (٬) when `grouped`.
 * Years and article numbers must not be grouped (۱۴۰۳, not ۱٬۴۰۳).
 */
export function formatPersianNumber(n: number, { grouped = false }: { grouped?: boolean } = {}): string {
  const ascii = grouped ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '٬') : String(n);
  return toPersianDigits(ascii);
}
