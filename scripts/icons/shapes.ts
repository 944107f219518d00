/**
 * Shape primitives shared by the rasteriser and the SVG writer, so both draw the same artwork.
 * Coordinates are design units on a 512 x 512 canvas, y pointing down. Distances are signed
 * (negative inside) and exact, following Inigo Quilez's 2D distance functions.
 */
export interface Shape {
  /** Signed distance in design units from (x, y) to the shape's edge; negative inside. */
  distance(x: number, y: number): number;
  /** One SVG element painting the shape in `colour`. */
  svg(colour: string): string;
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** Axis-aligned box centred on (cx, cy) with one corner radius on top and another below. */
function roundBox(o: {
  cx: number;
  cy: number;
  w: number;
  h: number;
  top: number;
  bottom: number;
}): Shape {
  const hw = o.w / 2;
  const hh = o.h / 2;
  return {
    distance(x, y) {
      const r = y < o.cy ? o.top : o.bottom;
      const qx = Math.abs(x - o.cx) - hw + r;
      const qy = Math.abs(y - o.cy) - hh + r;
      return Math.min(Math.max(qx, qy), 0) + Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) - r;
    },
    svg(colour) {
      const [l, r, t, b] = [o.cx - hw, o.cx + hw, o.cy - hh, o.cy + hh];
      const d =
        `M${fmt(l + o.top)} ${fmt(t)}H${fmt(r - o.top)}` +
        `A${fmt(o.top)} ${fmt(o.top)} 0 0 1 ${fmt(r)} ${fmt(t + o.top)}` +
        `V${fmt(b - o.bottom)}A${fmt(o.bottom)} ${fmt(o.bottom)} 0 0 1 ${fmt(r - o.bottom)} ${fmt(b)}` +
        `H${fmt(l + o.bottom)}A${fmt(o.bottom)} ${fmt(o.bottom)} 0 0 1 ${fmt(l)} ${fmt(b - o.bottom)}` +
        `V${fmt(t + o.top)}A${fmt(o.top)} ${fmt(o.top)} 0 0 1 ${fmt(l + o.top)} ${fmt(t)}Z`;
      return `<path d="${d}" fill="${colour}"/>`;
    },
  };
}

function circle(o: { cx: number; cy: number; r: number }): Shape {
  return {
    distance: (x, y) => Math.hypot(x - o.cx, y - o.cy) - o.r,
    svg: (colour) =>
      `<circle cx="${fmt(o.cx)}" cy="${fmt(o.cy)}" r="${fmt(o.r)}" fill="${colour}"/>`,
  };
}

/**
 * A round-capped stroke along a circle of radius r, symmetric about the vertical through its
 * centre and opening downwards: `spread` is the angle in radians from the top to either end.
 */
function arc(o: { cx: number; cy: number; r: number; spread: number; width: number }): Shape {
  const [sin, cos] = [Math.sin(o.spread), Math.cos(o.spread)];
  return {
    distance(x, y) {
      const px = Math.abs(x - o.cx);
      const py = o.cy - y; // flip so the arc is centred on +y, as in Quilez's sdArc
      const nearEnd = cos * px > sin * py;
      const d = nearEnd
        ? Math.hypot(px - sin * o.r, py - cos * o.r)
        : Math.abs(Math.hypot(px, py) - o.r);
      return d - o.width / 2;
    },
    svg(colour) {
      const [dx, y] = [sin * o.r, o.cy - cos * o.r];
      const large = o.spread > Math.PI / 2 ? 1 : 0;
      const d = `M${fmt(o.cx - dx)} ${fmt(y)}A${fmt(o.r)} ${fmt(o.r)} 0 ${large} 1 ${fmt(o.cx + dx)} ${fmt(y)}`;
      return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${fmt(o.width)}" stroke-linecap="round"/>`;
    },
  };
}

export const shapes = { roundBox, circle, arc };
