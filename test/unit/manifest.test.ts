import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** The subset of the W3C Web App Manifest this test reads. */
interface ManifestImage {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}
interface Manifest {
  name?: string;
  short_name?: string;
  id?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  background_color?: string;
  theme_color?: string;
  icons?: ManifestImage[];
  shortcuts?: { name: string; url: string; icons?: ManifestImage[] }[];
  protocol_handlers?: { protocol: string; url: string }[];
}

const publicDir = join(import.meta.dirname, '..', '..', 'public');
const manifest = JSON.parse(
  readFileSync(join(publicDir, 'manifest.webmanifest'), 'utf8'),
) as Manifest;
const icons = manifest.icons ?? [];
const allImages = [...icons, ...(manifest.shortcuts ?? []).flatMap((s) => s.icons ?? [])];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Samples per pixel by colour type (PNG spec §11.2.2); the icons use 8-bit depth only. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Walks a PNG's chunks, checking each CRC-32 (over type and data, PNG spec §5.3), that IHDR
 * comes first and IEND last, and that the IDAT stream inflates to exactly one filter byte plus
 * one row of samples per scanline. Returns the pixel size from IHDR.
 */
function readPng(file: Buffer): { width: number; height: number } {
  expect(file.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const typeAndData = file.subarray(at + 4, at + 8 + length);
    const type = typeAndData.subarray(0, 4).toString('latin1');
    expect(crc32(typeAndData), `CRC of ${type} chunk`).toBe(file.readUInt32BE(at + 8 + length));
    chunks.push({ type, data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  expect(chunks[0]?.type).toBe('IHDR');
  expect(chunks.at(-1)?.type).toBe('IEND');
  const header = chunks[0]!.data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  expect(header[8], 'bit depth').toBe(8);
  const channels = CHANNELS[header[9]!];
  expect(channels, 'colour type').toBeDefined();
  expect(header[12], 'interlace').toBe(0);
  const pixels = inflateSync(
    Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)),
  );
  expect(pixels.length).toBe(height * (1 + width * channels!));
  return { width, height };
}

function purposes(image: ManifestImage): string[] {
  return (image.purpose ?? 'any').split(/\s+/);
}

describe('public/manifest.webmanifest', () => {
  it('has what Chromium needs to offer installation', () => {
    expect(manifest.name).toBeTruthy();
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.short_name!.length).toBeLessThanOrEqual(12); // fits under a home-screen icon
    expect(manifest.id).toBe('/');
    expect(manifest.start_url).toBe('/');
    expect(manifest.scope).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toBe(manifest.theme_color);
  });

  it('lists 192 and 512 pixel PNG icons for any purpose, and a maskable one', () => {
    const pngSizes = (purpose: string) =>
      icons
        .filter((i) => i.type === 'image/png' && purposes(i).includes(purpose))
        .map((i) => i.sizes);
    expect(pngSizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(pngSizes('maskable')).toContain('512x512');
  });

  it.each(allImages.filter((i) => i.type === 'image/png'))(
    '$src is a valid PNG of the declared size',
    (image) => {
      const path = join(publicDir, image.src);
      expect(existsSync(path), `${image.src} exists`).toBe(true);
      const { width, height } = readPng(readFileSync(path));
      expect(`${width}x${height}`).toBe(image.sizes);
    },
  );

  it('points its SVG icons at SVG files', () => {
    const svgs = icons.filter((i) => i.type === 'image/svg+xml');
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) {
      expect(readFileSync(join(publicDir, svg.src), 'utf8')).toMatch(/^<svg [^>]*viewBox=/);
    }
  });

  it('registers a same-origin xmpp: handler that receives the URI', () => {
    // Chromium accepts web+ schemes and the safelisted schemes of HTML's
    // registerProtocolHandler(), xmpp among them.
    expect(manifest.protocol_handlers).toContainEqual({
      protocol: 'xmpp',
      url: expect.stringMatching(/^\/[^/].*%s/) as unknown,
    });
  });

  it('gives every shortcut a name and an in-scope URL', () => {
    expect(manifest.shortcuts?.length).toBeGreaterThan(0);
    for (const shortcut of manifest.shortcuts ?? []) {
      expect(shortcut.name).toBeTruthy();
      expect(shortcut.url.startsWith(manifest.scope ?? '/')).toBe(true);
    }
  });
});
