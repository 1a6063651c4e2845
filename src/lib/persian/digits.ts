/** Digit conversion between ASCII, Persian and Arabic-Indic digits (the digit sets are in ./script.ts). */
import { ARABIC_INDIC_DIGIT, DIGITS, PERSIAN_DIGIT, THOUSANDS_SEPARATOR } from './script.ts';

const NOT_PERSIAN_DIGIT = /* @__PURE__ */ new RegExp(`[0-9]|${ARABIC_INDIC_DIGIT}`, 'g');
const NOT_ASCII_DIGIT = /* @__PURE__ */ new RegExp(`${PERSIAN_DIGIT}|${ARABIC_INDIC_DIGIT}`, 'g');

/** The value (0–9) of a digit of any script. */
function digitValue(digit: string): number {
  const ascii = DIGITS.ascii.indexOf(digit);
  return ascii >= 0 ? ascii : Math.max(DIGITS.persian.indexOf(digit), DIGITS.arabicIndic.indexOf(digit));
}

/** Writes every ASCII and Arabic-Indic digit in `value` as a Persian digit. */
export function toPersianDigits(value: string | number): string {
  return String(value).replace(NOT_PERSIAN_DIGIT, (digit) => DIGITS.persian[digitValue(digit)]!);
}

/** Writes every Persian and Arabic-Indic digit in `value` as an ASCII digit (for URLs, parsing). */
export function toAsciiDigits(value: string): string {
  return value.replace(NOT_ASCII_DIGIT, (digit) => DIGITS.ascii[digitValue(digit)]!);
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
  const ascii = grouped ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR) : String(n);
  return toPersianDigits(ascii);
}
