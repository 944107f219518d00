import { shapes, type Shape } from './shapes';

/**
 * What a layer is for, not its colour: the full-colour icons paint roles from a palette, the
 * monochrome icon paints `bag` and `accent` white and punches `cut` layers out as transparency.
 */
export type LayerRole = 'ground' | 'bag' | 'accent' | 'cut';

export interface Layer {
  readonly shape: Shape;
  readonly role: LayerRole;
}

export const SATCHEL_PALETTE: Readonly<Record<Exclude<LayerRole, 'cut'>, string>> = {
  ground: '#0f5257', // deep teal, also the manifest's theme and background colour
  bag: '#f4e9d8', // warm cream
  accent: '#e07a3f', // buckle and feed waves
};

/** The canvas the artwork is drawn on; every number below is in these units. */
export const DESIGN_SIZE = 512;

/** Gap between the flap and the body, and around the buckle, in design units. */
const GAP = 11;

/**
 * A shoulder bag seen from the front: an arched strap, the body, a flap with a rounded lip held
 * by a round buckle, and two feed waves rising out of the bag under the strap. Cut layers (the
 * gaps) are painted in the ground colour so that shapes read apart at 48 px too.
 */
export function satchelLayers(ground: 'rounded' | 'full-bleed' | 'none'): Layer[] {
  const c = DESIGN_SIZE / 2;
  const bodyTop = 232;
  const bodyBottom = 414;
  const flapBottom = 338;
  const width = 300;
  const layers: Layer[] = [];
  if (ground !== 'none') {
    // Full bleed reaches well past the canvas so that shrinking the artwork into a maskable
    // safe zone never uncovers the corners.
    const [side, radius] = ground === 'rounded' ? [DESIGN_SIZE, 112] : [4 * DESIGN_SIZE, 0];
    const backdrop = { cx: c, cy: c, w: side, h: side, top: radius, bottom: radius };
    layers.push({ shape: shapes.roundBox(backdrop), role: 'ground' });
  }
  const strap = { cx: c, cy: bodyTop + 2, r: 136, spread: Math.PI / 2, width: 22 };
  layers.push({ shape: shapes.arc(strap), role: 'bag' });
  for (const r of [42, 80]) {
    const wave = { cx: c, cy: bodyTop - 4, r, spread: Math.PI / 4.2, width: 16 };
    layers.push({ shape: shapes.arc(wave), role: 'accent' });
  }
  const bodyBox = { cx: c, w: width, top: 30, bottom: 46 };
  const body = { ...bodyBox, cy: (bodyTop + bodyBottom) / 2, h: bodyBottom - bodyTop };
  layers.push({ shape: shapes.roundBox(body), role: 'bag' });
  const flapHeight = flapBottom - bodyTop;
  const flap = { ...bodyBox, cy: bodyTop + flapHeight / 2, h: flapHeight, bottom: 64 };
  // Dilating a rounded box by GAP is the same box grown by GAP with radii grown by GAP.
  const flapGap = { ...flap, w: flap.w + 2 * GAP, h: flap.h + 2 * GAP };
  layers.push({
    shape: shapes.roundBox({ ...flapGap, top: flap.top + GAP, bottom: flap.bottom + GAP }),
    role: 'cut',
  });
  layers.push({ shape: shapes.roundBox(flap), role: 'bag' });
  const buckle = { cx: c, cy: flapBottom - 4, r: 30 };
  layers.push({ shape: shapes.circle({ ...buckle, r: buckle.r + GAP }), role: 'cut' });
  layers.push({ shape: shapes.circle(buckle), role: 'accent' });
  layers.push({ shape: shapes.circle({ ...buckle, r: 11 }), role: 'cut' });
  return layers;
}
