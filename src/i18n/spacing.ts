/**
 * How a number sits among the words of a sentence, per script. Chinese and Japanese set a
 * number off like a Latin word, with one space on each side ("大约 2 分钟后", "上限の 102,400
 * バイト"), as the catalogs write their `{n}` slots; CLDR is not consistent there ("2分钟后"
 * but "2 分鐘後"), so its relative times are evened out to that rule. Dates keep CLDR's own
 * form ("2030年1月5日"). Korean attaches a number to its counter ("2분"), and scripts with
 * spaces between words leave CLDR's form as it is.
 */

const HAN_OR_KANA = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const DIGIT_THEN_HAN = new RegExp(`(\\d)(?=[${HAN_OR_KANA}])`, 'gu');
const HAN_THEN_DIGIT = new RegExp(`([${HAN_OR_KANA}])(?=\\d)`, 'gu');

// The scripts whose numbers stand apart from the words next to them.
const SPACED_NUMBER_SCRIPTS: ReadonlySet<string> = new Set(['Hans', 'Hant', 'Jpan']);

// The script a language is written in, by CLDR's likely subtags ("zh-TW" is Hant).
function scriptOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().script;
  } catch {
    return undefined;
  }
}

/** Applies the number spacing of `locale`'s script to a text with no dates in it. */
export function createNumberSpacing(locale: string): (text: string) => string {
  const script = scriptOf(locale);
  if (script === undefined || !SPACED_NUMBER_SCRIPTS.has(script)) return (text) => text;
  return (text) => text.replace(DIGIT_THEN_HAN, '$1 ').replace(HAN_THEN_DIGIT, '$1 ');
}
