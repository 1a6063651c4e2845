/**
 * The SHA-256 digest (base64url) of lines joined by newlines, taken a batch of lines at a time
 * (Node-only): the same digest as of the joined text, without holding every line and the whole
 * text at once. A segment build's index digest has a line for each article of the archive (about
 * 100 characters): at a million articles the lines, their text and its bytes would be about 0.3 GB.
 */
import { createHash } from 'node:crypto';

/** Lines joined into one update: few enough to hold, enough that the calls into the hash cost little. */
const BATCH = 4096;

export function linesDigest(lines: Iterable<string>): string {
  const digest = createHash('sha256');
  const batch: string[] = [];
  let started = false;
  const flush = () => {
    digest.update(`${started ? '\n' : ''}${batch.join('\n')}`);
    started = true;
    batch.length = 0;
  };
  for (const line of lines) {
    batch.push(line);
    if (batch.length === BATCH) flush();
  }
  if (batch.length > 0 || !started) flush();
  return digest.digest('base64url');
}
