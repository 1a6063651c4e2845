/** The word lists of the typography rules (./words.json), as the sets the rules look words up in. */
import words from './words.json' with { type: 'json' };

const PRESENT_ENDINGS = ['م', 'ی', 'د', 'یم', 'ید', 'ند'];
const PAST_ENDINGS = ['', 'م', 'ی', 'یم', 'ید', 'ند'];

/** Every form «میشود», «نمیکردند» … of the verbs in the list, as typed without a ZWNJ. */
export const JOINED_VERBS: ReadonlySet<string> = (() => {
  const forms = new Set<string>();
  for (const prefix of ['می', 'نمی']) {
    for (const stem of words.presentStems.words)
      for (const ending of PRESENT_ENDINGS) forms.add(prefix + stem + ending);
    for (const stem of words.pastStems.words) for (const ending of PAST_ENDINGS) forms.add(prefix + stem + ending);
  }
  for (const word of words.notVerbs.words) forms.delete(word);
  return forms;
})();

/** Adjectives «تر», «تری» and «ترین» are joined to when typed apart (بزرگ تر). */
export const COMPARABLE_ADJECTIVES: ReadonlySet<string> = new Set(words.comparableAdjectives.words);

/** Honorifics in brackets after a name, «پیامبر(ص)». */
export const HONORIFICS: ReadonlySet<string> = new Set(words.honorifics.words);
