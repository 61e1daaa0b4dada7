import { barLayout } from "./layout";

export interface BarRow {
  key: string | number;
  label: string;
  value: number | null;
  /** The value as text beside the bar (the number is never given by length alone). */
  text: string;
}

const LABEL_WIDTH = 210;
const TRACK = 330;
const ROW = 30;
const BAR = 18;
const PAD = 8;

/**
 * A horizontal SVG bar chart. It is a picture (`role="img"`) named by `label`; the screen puts
 * the same figures in a table beneath it, which is the text alternative.
 */
export function BarChart({
  rows,
  label,
  domain,
  axis,
}: {
  rows: BarRow[];
  label: string;
  domain?: { min?: number; max?: number };
  /** Texts under the two ends of the axis (e.g. "-1 all ties inside"), if any. */
  axis?: [string, string];
}) {
  const { bars, zero } = barLayout(
    rows.map((r) => r.value),
    TRACK,
    domain,
  );
  const height = rows.length * ROW + PAD * 2 + (axis ? 24 : 0);
  const width = LABEL_WIDTH + TRACK + 90;
  return (
    <svg
      className="chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
    >
      {rows.map((row, k) => {
        const y = PAD + k * ROW;
        const bar = bars[k];
        // The value goes right of the bar, or right of the zero line for a negative bar, so it
        // never runs into the labels on the left.
        const textX = LABEL_WIDTH + (bar && bar.x >= zero ? bar.x + bar.width : zero) + 6;
        return (
          <g key={row.key}>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
            </text>
            {bar ? (
              <rect x={LABEL_WIDTH + bar.x} y={y + (ROW - BAR) / 2} width={Math.max(bar.width, 1)} height={BAR} className="chart-bar" />
            ) : null}
            <text
              x={textX}
              y={y + ROW / 2}
              textAnchor="start"
              dominantBaseline="middle"
              className="chart-value"
            >
              {row.text}
            </text>
          </g>
        );
      })}
      <line
        x1={LABEL_WIDTH + zero}
        x2={LABEL_WIDTH + zero}
        y1={PAD / 2}
        y2={PAD + rows.length * ROW}
        className="chart-axis"
      />
      {axis ? (
        <>
          <text x={LABEL_WIDTH} y={height - 6} className="chart-value" textAnchor="start">
            {axis[0]}
          </text>
          <text x={LABEL_WIDTH + TRACK} y={height - 6} className="chart-value" textAnchor="end">
            {axis[1]}
          </text>
        </>
      ) : null}
    </svg>
  );
}
