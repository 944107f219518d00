/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one
 * machine (Node's and Chromium's `performance.timeOrigin` are both epoch-based). */
export const epochNow = (): number => performance.timeOrigin + performance.now();
