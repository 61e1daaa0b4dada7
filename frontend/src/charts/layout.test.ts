import { describe, expect, it } from "vitest";
import { barLayout, circleLayout, labelPlacement, nodeRadius, scaleLinear } from "./layout";

describe("circleLayout", () => {
  it("puts the first node at the top and goes clockwise", () => {
    const at = circleLayout([7, 3, 9, 1], { cx: 100, cy: 100, r: 50 });
    expect(at.get(7)).toEqual({ x: 100, y: 50 });
    expect(at.get(3)).toEqual({ x: 150, y: 100 });
    expect(at.get(9)).toEqual({ x: 100, y: 150 });
    expect(at.get(1)).toEqual({ x: 50, y: 100 });
  });

  it("is deterministic and keeps every node on the circle", () => {
    const ids = [5, 2, 8, 4, 1];
    const a = circleLayout(ids, { cx: 0, cy: 0, r: 10 });
    expect(circleLayout(ids, { cx: 0, cy: 0, r: 10 })).toEqual(a);
    for (const p of a.values()) expect(Math.hypot(p.x, p.y)).toBeCloseTo(10, 1);
  });

  it("centres a single node and draws nothing for none", () => {
    expect(circleLayout([4], { cx: 20, cy: 30, r: 10 }).get(4)).toEqual({ x: 20, y: 30 });
    expect(circleLayout([], { cx: 0, cy: 0, r: 10 }).size).toBe(0);
  });
});

describe("labelPlacement", () => {
  const centre = { cx: 100, cy: 100 };
  it("pushes labels outwards and anchors them away from the centre", () => {
    expect(labelPlacement({ x: 150, y: 100 }, centre, 10)).toEqual({ x: 160, y: 100, anchor: "start" });
    expect(labelPlacement({ x: 50, y: 100 }, centre, 10)).toEqual({ x: 40, y: 100, anchor: "end" });
    expect(labelPlacement({ x: 100, y: 50 }, centre, 10)).toEqual({ x: 100, y: 40, anchor: "middle" });
  });
  it("puts a centred node's label below it", () => {
    expect(labelPlacement({ x: 100, y: 100 }, centre, 10)).toEqual({ x: 100, y: 110, anchor: "middle" });
  });
});

describe("scales", () => {
  it("maps linearly and clamps", () => {
    expect(scaleLinear(5, 10, 1, 9)).toBe(5);
    expect(scaleLinear(20, 10, 1, 9)).toBe(9);
    expect(scaleLinear(-1, 10, 1, 9)).toBe(1);
    expect(scaleLinear(3, 0, 1, 9)).toBe(1);
  });
  it("grows node area with the count", () => {
    expect(nodeRadius(0, 100)).toBe(14);
    expect(nodeRadius(100, 100)).toBe(34);
    expect(nodeRadius(25, 100)).toBe(24);
    expect(nodeRadius(5, 0)).toBe(14);
  });
});

describe("barLayout", () => {
  it("draws counts from a zero line at the left", () => {
    const { bars, zero } = barLayout([0, 5, 10], 200);
    expect(zero).toBe(0);
    expect(bars).toEqual([
      { x: 0, width: 0 },
      { x: 0, width: 100 },
      { x: 0, width: 200 },
    ]);
  });

  it("draws an index in [-1, 1] from a zero line in the middle", () => {
    const { bars, zero } = barLayout([-0.5, 1, null], 200, { min: -1, max: 1 });
    expect(zero).toBe(100);
    expect(bars).toEqual([{ x: 50, width: 50 }, { x: 100, width: 100 }, null]);
  });

  it("widens the domain to hold every value and survives all zeros", () => {
    expect(barLayout([-2], 100, { min: -1, max: 1 }).bars[0]).toEqual({ x: 0, width: 66.67 });
    expect(barLayout([0, 0], 100)).toEqual({ bars: [{ x: 0, width: 0 }, { x: 0, width: 0 }], zero: 0 });
  });
});
