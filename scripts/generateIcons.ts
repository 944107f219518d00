/**
 * Draws Satchel's icon set from one description of the artwork (scripts/icons/satchelArtwork.ts):
 * the SVG icon and favicon, and the PNG sizes the web app manifest and iOS ask for. Pure
 * TypeScript, no image libraries: signed-distance shapes, rasterised with anti-aliasing and
 * encoded with node:zlib. Run with `npx tsx scripts/generateIcons.ts`; the output is committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './icons/encodePng';
import { rasterise } from './icons/rasterise';
import { DESIGN_SIZE, SATCHEL_PALETTE, satchelLayers } from './icons/satchelArtwork';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

interface PngIcon {
  readonly file: string;
  readonly size: number;
  readonly ground: Parameters<typeof satchelLayers>[0];
  readonly scale: number;
  readonly monochrome?: boolean;
}

/**
 * Maskable icons keep everything inside the centred circle of 40% radius that every platform
 * mask leaves visible (W3C Manifest, "purpose" maskable); the bag's farthest point (a bottom
 * corner) is 199 units from the centre of 512, so 0.94 leaves a margin. iOS rounds the
 * corners of the full-bleed touch icon itself.
 */
const PNG_ICONS: readonly PngIcon[] = [
  { file: 'icons/icon-192.png', size: 192, ground: 'rounded', scale: 1 },
  { file: 'icons/icon-512.png', size: 512, ground: 'rounded', scale: 1 },
  { file: 'icons/icon-96.png', size: 96, ground: 'rounded', scale: 1 },
  { file: 'icons/maskable-512.png', size: 512, ground: 'full-bleed', scale: 0.94 },
  { file: 'icons/apple-touch-icon-180.png', size: 180, ground: 'full-bleed', scale: 0.94 },
  { file: 'icons/monochrome-512.png', size: 512, ground: 'none', scale: 1, monochrome: true },
];

function svgDocument(): string {
  const body = satchelLayers('rounded')
    .map((layer) => layer.shape.svg(SATCHEL_PALETTE[layer.role === 'cut' ? 'ground' : layer.role]))
    .join('\n  ');
  const size = String(DESIGN_SIZE);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}">\n` +
    `  <title>Satchel</title>\n  ${body}\n</svg>\n`
  );
}

function write(file: string, data: string | Buffer): void {
  const path = join(publicDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.info(`wrote public/${file} (${data.length} bytes)`);
}

const svg = svgDocument();
write('icons/icon.svg', svg);
write('favicon.svg', svg);
for (const icon of PNG_ICONS) {
  const pixels = rasterise(satchelLayers(icon.ground), {
    size: icon.size,
    scale: icon.scale,
    monochrome: icon.monochrome ?? false,
  });
  write(icon.file, encodePng(icon.size, icon.size, pixels));
}
