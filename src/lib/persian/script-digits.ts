/**
 * The digits of the Persian script's world and the number signs: part of the script facts of
 * ./script.ts (which re-exports them), kept apart so that the digit converters (./digits.ts) and the
 * small site script that uses them load nothing else.
 */

/** The digits of each script, zero to nine. */
export const DIGITS = {
  ascii: '0123456789',
  persian: '۰۱۲۳۴۵۶۷۸۹',
  arabicIndic: '٠١٢٣٤٥٦٧٨٩',
} as const;
export const PERSIAN_DIGIT = '[\\u06f0-\\u06f9]';
export const ARABIC_INDIC_DIGIT = '[\\u0660-\\u0669]';
/** A digit of any of the three scripts. */
export const ANY_DIGIT = '[0-9\\u0660-\\u0669\\u06f0-\\u06f9]';
/** An ASCII or Persian digit: any digit once Arabic-Indic ones have been written as Persian. */
export const ASCII_OR_PERSIAN_DIGIT = '[0-9\\u06f0-\\u06f9]';

/** The Arabic-script number signs: decimal separator, thousands separator, percent. */
export const DECIMAL_SEPARATOR = '\u066b'; // ٫
export const THOUSANDS_SEPARATOR = '\u066c'; // ٬
export const PERCENT_SIGN = '\u066a'; // ٪
