/** One mapped span of a generated line: from `column` on, the code comes from `source`. */
export interface MappedSegment {
  line: number;
  column: number;
  source: number | undefined;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map(Array.from(BASE64, (char, index) => [char, index]));

/** Base64 VLQ values of one segment (source map v3: 5 bits a digit, bit 6 continues, the
 * lowest bit of the value is its sign). */
function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad VLQ digit ${char}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The segments of a source map's `mappings` (v3), in generated order. Only the generated
 * column and the source index are kept: enough to say which file each output byte came from. */
export function decodeMappings(mappings: string): MappedSegment[] {
  const segments: MappedSegment[] = [];
  let source = 0;
  mappings.split(';').forEach((lineText, line) => {
    let column = 0;
    for (const segment of lineText.split(',')) {
      if (segment === '') continue;
      const [columnDelta = 0, sourceDelta] = decodeVlq(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) source += sourceDelta;
      segments.push({ line, column, source: sourceDelta === undefined ? undefined : source });
    }
  });
  return segments;
}
