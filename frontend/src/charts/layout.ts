/**
 * Pure geometry for the SVG charts and the network picture: no DOM, no React, deterministic
 * (the same input always gives the same drawing), so it is unit-tested on its own.
 */

export interface Point {
  x: number;
  y: number;
}

/**
 * Place `ids` evenly on a circle around (`cx`, `cy`), in the order given, the first at the top
 * and going clockwise. One node sits in the centre; none gives an empty map.
 */
export function circleLayout(
  ids: readonly number[],
  { cx, cy, r }: { cx: number; cy: number; r: number },
): Map<number, Point> {
  const out = new Map<number, Point>();
  if (ids.length === 1) {
    out.set(ids[0]!, { x: cx, y: cy });
    return out;
  }
  ids.forEach((id, k) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / ids.length;
    out.set(id, { x: round(cx + r * Math.cos(angle)), y: round(cy + r * Math.sin(angle)) });
  });
  return out;
}

/** Where a node's label goes: pushed `gap` further out from the centre, anchored away from it. */
export function labelPlacement(
  point: Point,
  { cx, cy }: { cx: number; cy: number },
  gap: number,
): Point & { anchor: "start" | "middle" | "end" } {
  const dx = point.x - cx;
  const dy = point.y - cy;
  const length = Math.hypot(dx, dy);
  if (length < 1e-9) return { x: point.x, y: point.y + gap, anchor: "middle" };
  const ux = dx / length;
  const uy = dy / length;
  const anchor = Math.abs(ux) < 0.3 ? "middle" : ux > 0 ? "start" : "end";
  return { x: round(point.x + ux * gap), y: round(point.y + uy * gap), anchor };
}

/** A linear scale of `value` in [0, `max`] onto [`from`, `to`]; 0 when `max` is 0. */
export function scaleLinear(value: number, max: number, from: number, to: number): number {
  if (max <= 0) return from;
  return round(from + ((to - from) * Math.min(Math.max(value, 0), max)) / max);
}

/** A node's radius by its count of leaders: area grows with the count, within [min, max]. */
export function nodeRadius(count: number, maxCount: number, min = 14, max = 34): number {
  if (maxCount <= 0) return min;
  return round(min + (max - min) * Math.sqrt(Math.max(count, 0) / maxCount));
}

export interface Bar {
  /** Left edge of the bar, in chart units. */
  x: number;
  width: number;
}

/**
 * Horizontal bars for `values` on a track `width` wide, over the domain [`min`, `max`] (widened
 * to hold 0 and every value). Bars start at the zero line, so negative values grow left.
 * Returns the bars and where the zero line is.
 */
export function barLayout(
  values: readonly (number | null)[],
  width: number,
  domain: { min?: number; max?: number } = {},
): { bars: (Bar | null)[]; zero: number } {
  const present = values.filter((v): v is number => v !== null);
  const min = Math.min(0, domain.min ?? 0, ...present);
  let max = Math.max(0, domain.max ?? 0, ...present);
  if (max === min) max = min + 1;
  const at = (v: number) => round(((v - min) / (max - min)) * width);
  const zero = at(0);
  const bars = values.map((v) => {
    if (v === null) return null;
    const end = at(v);
    return { x: Math.min(zero, end), width: Math.abs(end - zero) };
  });
  return { bars, zero };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
