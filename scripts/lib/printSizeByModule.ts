import { sizeByModule } from './sizeByModule';

const kb = (bytes: number): string => (bytes / 1024).toFixed(2);

/** Prints what each built file is made of (`npm run size -- --by-module`): the rows that
 * weigh at least `minBytes` gzip, the rest summed. */
export function printSizeByModule(dist: string, files: string[], minBytes = 200): void {
  for (const file of files) {
    const rows = sizeByModule(`${dist}/${file}`);
    const shown = rows.filter((row) => row.gzipSaving >= minBytes);
    const others = rows.length - shown.length;
    console.log(`\n${file}: gzip saved without it (KB), minified bytes, package or file`);
    for (const row of shown) {
      console.log(
        `${kb(row.gzipSaving).padStart(7)} ${String(row.bytes).padStart(8)}  ${row.name}`,
      );
    }
    if (others > 0) console.log(`        and ${others} more under ${kb(minBytes)} KB each`);
  }
}
