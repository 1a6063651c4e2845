/**
 * Frees the memory of a typed array or buffer at once (`ArrayBuffer.prototype.transfer(0)`), rather
 * than at the garbage collection that finds it unreachable: a large one dropped in a thread whose
 * heap is small may stay resident for minutes, and content sync of a million articles drops
 * hundreds of MB of them (columns grown and sealed, parts serialised and written, records read).
 * Only memory the array holds alone and whole is freed: a small Buffer may be a slice of Node's
 * pool, and shared memory (a `SharedArrayBuffer`) cannot be let go of by one thread.
 *
 * Every view of that memory reads as empty afterwards: only for an array nothing else views.
 */
export function freeNow(array: ArrayBufferView): void {
  const { buffer } = array;
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) return;
  if (array.byteOffset !== 0 || array.byteLength !== buffer.byteLength) return;
  try {
    buffer.transfer(0);
  } catch {
    // One Node marks as not detachable (its pool's are): the collector frees it in time.
  }
}
