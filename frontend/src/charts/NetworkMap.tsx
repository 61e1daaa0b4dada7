import type { MapEdge, MapNode } from "../api/networks";
import { circleLayout, labelPlacement, nodeRadius, scaleLinear } from "./layout";

const WIDTH = 760;
const HEIGHT = 460;
const CENTRE = { cx: WIDTH / 2, cy: HEIGHT / 2 };
const RADIUS = 150;

/**
 * The leader network aggregated by administration: a node per administration (its area grows
 * with the number of leaders, the number written inside), a line per pair with ties (its width
 * grows with the number of ties, the number written on it). Deterministic circular layout.
 * A picture (`role="img"`); the screen gives the same figures in tables beneath it.
 */
export function NetworkMap({
  nodes,
  edges,
  label,
  internalText,
}: {
  nodes: MapNode[];
  edges: MapEdge[];
  label: string;
  /** The label's second line for a node with ties inside it, e.g. "12 ties inside". */
  internalText: (ties: number) => string;
}) {
  const at = circleLayout(
    nodes.map((n) => n.id),
    { ...CENTRE, r: RADIUS },
  );
  const between = edges.filter((e) => e.source !== e.target && at.has(e.source) && at.has(e.target));
  const inside = new Map(edges.filter((e) => e.source === e.target).map((e) => [e.source, e.ties]));
  const maxTies = Math.max(0, ...between.map((e) => e.ties));
  const maxLeaders = Math.max(0, ...nodes.map((n) => n.leaders));
  return (
    <svg
      className="chart network-map"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: `${WIDTH}px` }}
    >
      {between.map((e) => {
        const a = at.get(e.source)!;
        const b = at.get(e.target)!;
        const mx = (a.x + b.x) / 2;
        const my = (a.y + b.y) / 2;
        return (
          <g key={`${e.source}-${e.target}`}>
            <line
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              className="map-edge"
              strokeWidth={scaleLinear(e.ties, maxTies, 1.5, 12)}
            />
            <rect x={mx - 16} y={my - 11} width={32} height={22} rx={4} className="map-edge-label-bg" />
            <text x={mx} y={my} textAnchor="middle" dominantBaseline="central" className="chart-value">
              {e.ties}
            </text>
          </g>
        );
      })}
      {nodes.map((n) => {
        const p = at.get(n.id)!;
        const r = nodeRadius(n.leaders, maxLeaders);
        const place = labelPlacement(p, CENTRE, r + 10);
        const ties = inside.get(n.id);
        // Above the centre a two-line label grows upwards, so it never runs into its node.
        const y = ties !== undefined && place.y < p.y - 1 ? place.y - 16 : place.y;
        return (
          <g key={n.id}>
            <circle cx={p.x} cy={p.y} r={r} className="map-node" />
            <text x={p.x} y={p.y} textAnchor="middle" dominantBaseline="central" className="map-node-count">
              {n.leaders}
            </text>
            <text x={place.x} y={y} textAnchor={place.anchor} dominantBaseline="central" className="chart-label">
              <tspan x={place.x}>{n.name}</tspan>
              {ties !== undefined ? (
                <tspan x={place.x} dy="1.2em" className="chart-value">
                  {internalText(ties)}
                </tspan>
              ) : null}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
