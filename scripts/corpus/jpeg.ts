/**
 * A minimal baseline JPEG encoder for the corpus's images: every 8×8 block is one flat colour, so
 * only DC coefficients are coded (the AC table has a single end-of-block code). Small files,
 * no image library.
 */

/**
 * Canonical Huffman codes from a JPEG table's code-length counts and symbols.
 * @param bits How many codes of each length 1..16.
 */
function huffmanCodes(bits: number[], symbols: number[]) {
  const codes: Map<number, { code: number; length: number }> = new Map();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (bits[length - 1] ?? 0); i++) {
      codes.set(symbols[k++] as number, { code: code++, length });
    }
    code <<= 1;
  }
  return codes;
}

// The standard luminance DC table (ITU T.81 K.3), and an AC table with the end-of-block code only:
// every 8×8 block is one flat colour, so its AC coefficients are all zero.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_SYMBOLS = [0];

/**
 * A baseline JPEG (4:4:4, quantisation 1) whose 8×8 blocks each have one colour.
 * @param colourAt RGB of a block
 */
export function encodeBlockJpeg(
  width: number,
  height: number,
  colourAt: (bx: number, by: number, blocksWide: number, blocksHigh: number) => number[],
): Buffer {
  const dcCodes = huffmanCodes(DC_BITS, DC_SYMBOLS);
  const endOfBlock = huffmanCodes(AC_BITS, AC_SYMBOLS).get(0) as { code: number; length: number };
  const data: number[] = [];
  let byte = 0;
  let filled = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) {
      byte = (byte << 1) | ((value >> i) & 1);
      if (++filled === 8) {
        data.push(byte);
        if (byte === 0xff) data.push(0); // byte stuffing
        byte = 0;
        filled = 0;
      }
    }
  };
  const predictors = [0, 0, 0];
  const blocksWide = Math.ceil(width / 8);
  const blocksHigh = Math.ceil(height / 8);
  for (let by = 0; by < blocksHigh; by++) {
    for (let bx = 0; bx < blocksWide; bx++) {
      const [r = 0, g = 0, b = 0] = colourAt(bx, by, blocksWide, blocksHigh);
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ];
      for (let c = 0; c < 3; c++) {
        // A flat block's DC coefficient is 8 × (level − 128).
        const dc = Math.max(-1016, Math.min(1016, Math.round(8 * ((ycc[c] ?? 128) - 128))));
        const diff = dc - (predictors[c] ?? 0);
        predictors[c] = dc;
        const size = diff === 0 ? 0 : 32 - Math.clz32(Math.abs(diff));
        const code = dcCodes.get(size) as { code: number; length: number };
        put(code.code, code.length);
        if (size > 0) put(diff < 0 ? diff + (1 << size) - 1 : diff, size);
        put(endOfBlock.code, endOfBlock.length);
      }
    }
  }
  if (filled > 0) put(0xff, 8 - filled); // pad with 1-bits
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  return Buffer.from([
    0xff,
    0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF 1.1, no thumbnail
    ...segment(0xdb, [0, ...new Array(64).fill(1)]), // one quantisation table of ones
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]),
    ...segment(0xc4, [0x00, ...DC_BITS, ...DC_SYMBOLS, 0x10, ...AC_BITS, ...AC_SYMBOLS]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
    ...data,
    0xff,
    0xd9, // EOI
  ]);
}
