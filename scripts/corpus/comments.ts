/** Approved reader comments of the corpus, as the comment import writes them (comments/<id>/<cid>.json). */
import { commentRelativePath } from '../../src/lib/content/content-layout.ts';
import { fromTehranJalali } from '../../src/lib/dates/jalali.ts';
import { toTehranIsoString } from '../../src/lib/dates/tehran.ts';
import { mixSeed, Random } from './random.ts';
import { COMMENT_BODIES, COMMENT_REPLIES, FIRST_NAMES, SURNAMES } from './words.ts';

import type { ArticleTime } from './calendar.ts';
import type { CorpusFile } from '../corpus.ts';

/**
 * Approved reader comments for about one article in twelve: 1–4, sometimes with a reply; drawn from
 * a stream of their own, so adding them left the articles byte-identical.
 */
export function* makeComments(id: number, seed: number, t: ArticleTime): Generator<CorpusFile> {
  const random = new Random(mixSeed(seed, 0xc0ffee ^ id));
  if (!random.chance(1 / 12)) return;
  const published = fromTehranJalali(t, t.hour, t.minute).getTime();
  const count = random.int(1, 4);
  for (let n = 1; n <= count; n++) {
    const commentId = `c-${id}-${n}`;
    const submittedAt = toTehranIsoString(new Date(published + random.int(10, 3 * 24 * 60) * 60_000));
    const name = `${random.pick(FIRST_NAMES).fa}${random.chance(0.5) ? ` ${random.pick(SURNAMES).fa}` : ''}`;
    const replyTo = n > 1 && random.chance(0.3) ? 'c-' + id + '-1' : undefined;
    const body = replyTo ? random.pick(COMMENT_REPLIES) : random.pick(COMMENT_BODIES);
    const comment = { id: commentId, article: id, ...(replyTo ? { parent: replyTo } : {}), name, body, submittedAt };
    yield { path: commentRelativePath(id, commentId), content: `${JSON.stringify(comment, null, 2)}\n` };
  }
}
