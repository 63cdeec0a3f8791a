'use client';

import { type Branch, describeBranch, layoutArrows } from '@/lib/workflows';

/** Row geometry of the step list beside the diagram: 64 px rows 8 px apart, then a 32 px End row. */
const ROW = 64;
const GAP = 8;
const LANE = 14;
const rowY = (row: number, steps: number) =>
  row >= steps ? steps * (ROW + GAP) + 16 : row * (ROW + GAP) + ROW / 2;

/**
 * The decision branches as arrows beside the step list, each in its own lane: green when the condition
 * holds, red when it does not. Each arrow has a title; the same branches are listed as text next to it.
 */
export function BranchDiagram({ branches, steps }: { branches: readonly Branch[]; steps: number }) {
  const arrows = layoutArrows(branches, steps);
  const lanes = Math.max(1, ...arrows.map((a) => a.lane + 1));
  const width = 16 + lanes * LANE;
  const height = steps * (ROW + GAP) + 32;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={branches.map(describeBranch).join('. ')}
      data-testid="branch-diagram"
    >
      <defs>
        <marker
          id="arrow-true"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0 0 8 4 0 8Z" fill="#047857" />
        </marker>
        <marker
          id="arrow-false"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0 0 8 4 0 8Z" fill="#be123c" />
        </marker>
      </defs>
      {arrows.map((a) => {
        const x = 10 + (a.lane + 1) * LANE;
        const y1 = rowY(a.fromRow, steps) + (a.when === 'true' ? -6 : 6);
        const y2 = rowY(a.toRow, steps) + (a.when === 'true' ? -4 : 4);
        const colour = a.when === 'true' ? '#047857' : '#be123c';
        return (
          <path
            key={`${a.from}-${a.when}`}
            d={`M2 ${y1} H${x} V${y2} H4`}
            fill="none"
            stroke={colour}
            strokeWidth="2"
            strokeDasharray={a.when === 'false' ? '4 3' : undefined}
            markerEnd={`url(#arrow-${a.when})`}
          >
            <title>{describeBranch(a)}</title>
          </path>
        );
      })}
    </svg>
  );
}
