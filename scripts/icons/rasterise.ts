import { DESIGN_SIZE, SATCHEL_PALETTE, type Layer } from './satchelArtwork';

export interface RasteriseOptions {
  /** Output width and height in pixels. */
  readonly size: number;
  /** Scale of the artwork about the canvas centre: below 1 shrinks it into a safe zone. */
  readonly scale: number;
  /** Paint bag and accent white and drop the palette: a single-colour silhouette. */
  readonly monochrome: boolean;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Paints the layers bottom to top into straight 8-bit RGBA. Each layer's coverage of a pixel
 * comes from its signed distance at the pixel centre (a one-pixel linear ramp across the edge),
 * which anti-aliases curves without supersampling. Compositing is premultiplied "over"; cut
 * layers in monochrome mode are "destination-out".
 */
export function rasterise(layers: readonly Layer[], options: RasteriseOptions): Uint8Array {
  const { size, scale, monochrome } = options;
  const unitsPerPixel = DESIGN_SIZE / size / scale;
  const centre = DESIGN_SIZE / 2;
  const out = new Uint8Array(size * size * 4);
  const colours = layers.map((layer): [number, number, number] | 'erase' => {
    if (monochrome) return layer.role === 'cut' ? 'erase' : [255, 255, 255];
    return hexToRgb(SATCHEL_PALETTE[layer.role === 'cut' ? 'ground' : layer.role]);
  });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = centre + (px + 0.5 - size / 2) * unitsPerPixel;
      const y = centre + (py + 0.5 - size / 2) * unitsPerPixel;
      let [r, g, b, a] = [0, 0, 0, 0]; // premultiplied, 0..1 alpha
      layers.forEach((layer, i) => {
        const coverage = Math.min(1, Math.max(0, 0.5 - layer.shape.distance(x, y) / unitsPerPixel));
        if (coverage === 0) return;
        const colour = colours[i]!;
        const keep = 1 - coverage;
        if (colour === 'erase') {
          [r, g, b, a] = [r * keep, g * keep, b * keep, a * keep];
        } else {
          r = colour[0] * coverage + r * keep;
          g = colour[1] * coverage + g * keep;
          b = colour[2] * coverage + b * keep;
          a = coverage + a * keep;
        }
      });
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round(a * 255);
    }
  }
  return out;
}
