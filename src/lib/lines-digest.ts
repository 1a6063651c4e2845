/**
 * The SHA-256 digest (base64url) of lines joined by newlines, taken a batch of lines at a time
 * (Node-only): the same digest as of the joined text, without holding every line and the whole
 * text at once. A segment build's index digest has a line for each article of the archive (about
 * 100 characters): at a million articles the lines, their text and its bytes would be about 0.3 GB.
 */
import { createHash, type Hash } from 'node:crypto';

/** Lines joined into one update: few enough to hold, enough that the calls into the hash cost little. */
const BATCH = 4096;

/** A digest of lines given one at a time: several can be taken in one pass over the archive. */
export class LinesDigest {
  readonly #hash: Hash = createHash('sha256');
  readonly #batch: string[] = [];
  #started = false;

  add(line: string): void {
    this.#batch.push(line);
    if (this.#batch.length === BATCH) this.#flush();
  }

  /** The digest of the lines added (of one empty line when none were). */
  digest(): string {
    if (this.#batch.length > 0 || !this.#started) this.#flush();
    return this.#hash.digest('base64url');
  }

  #flush(): void {
    this.#hash.update(`${this.#started ? '\n' : ''}${this.#batch.join('\n')}`);
    this.#started = true;
    this.#batch.length = 0;
  }
}
