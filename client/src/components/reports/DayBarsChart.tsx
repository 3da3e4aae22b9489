import { createSignal, For, onCleanup, onMount } from 'solid-js';

import { formatDay } from '../../lib/reports-api.js';

export interface DaySeries {
  label: string;
  /** Solid or hatched, so colour is never the only cue. */
  hatched: boolean;
  values: number[];
}

interface DayBarsChartProps {
  /** Unique on the page: it prefixes the hatch pattern's id. */
  id: string;
  label: string;
  days: string[];
  series: [DaySeries, DaySeries];
}

const HEIGHT = 160;
const TOP = 8;
const BOTTOM = 22;

/** Two series of bars per day, side by side, with a text legend and a scale line. */
export function DayBarsChart(props: DayBarsChartProps) {
  // The drawing is sized to its box in pixels, so labels keep their size at any width.
  const [box, setBox] = createSignal(600);
  let wrapper: HTMLDivElement | undefined;
  onMount(() => {
    const observer = new ResizeObserver(([entry]) => setBox(entry?.contentRect.width || 600));
    if (wrapper) observer.observe(wrapper);
    onCleanup(() => observer.disconnect());
  });
  const max = () => Math.max(1, ...props.series.flatMap((series) => series.values));
  const slot = () => Math.max(6, box() / Math.max(1, props.days.length));
  const width = () => slot() * props.days.length;
  const barHeight = (value: number) => ((HEIGHT - TOP - BOTTOM) * value) / max();
  const labelEvery = () => Math.ceil((props.days.length * 56) / Math.max(56, box()));

  return (
    <figure class="report-figure">
      <ul class="chart-legend">
        <For each={props.series}>
          {(series) => (
            <li>
              <svg class="chart-swatch" viewBox="0 0 12 12" aria-hidden="true">
                <rect {...barPaint(series.hatched, props.id)} width="12" height="12" />
              </svg>
              {series.label}
            </li>
          )}
        </For>
      </ul>
      <div class="chart-scroll" ref={wrapper}>
        <svg
          class="report-chart"
          role="img"
          aria-label={props.label}
          viewBox={`0 0 ${width()} ${HEIGHT}`}
          width={width()}
          height={HEIGHT}
        >
          <ChartPatterns id={props.id} />
          <text class="chart-axis-label" x="2" y={TOP + 2} dominant-baseline="hanging">
            {max()}
          </text>
          <line class="chart-axis" x1="0" x2={width()} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
          <For each={props.days}>
            {(day, index) => (
              <g transform={`translate(${index() * slot()},0)`}>
                <For each={props.series}>
                  {(series, which) => {
                    const value = () => series.values[index()] ?? 0;
                    return (
                      <rect
                        {...barPaint(series.hatched, props.id)}
                        x={slot() * 0.12 + which() * slot() * 0.38}
                        width={slot() * 0.36}
                        y={HEIGHT - BOTTOM - barHeight(value())}
                        height={barHeight(value())}
                      >
                        <title>{`${formatDay(day)}: ${value()} ${series.label}`}</title>
                      </rect>
                    );
                  }}
                </For>
                {index() % labelEvery() === 0 && (
                  <text
                    class="chart-axis-label"
                    x={index() === 0 ? 0 : slot() / 2}
                    y={HEIGHT - 6}
                    text-anchor={index() === 0 ? 'start' : 'middle'}
                  >
                    {formatDay(day, 'axis')}
                  </text>
                )}
              </g>
            )}
          </For>
        </svg>
      </div>
    </figure>
  );
}

/** The class and fill of a bar: solid in the first colour, or hatched in the second. */
export function barPaint(hatched: boolean, id: string) {
  return hatched
    ? { class: 'chart-bar chart-bar-hatched', fill: `url(#${id}-hatch)` }
    : { class: 'chart-bar chart-bar-solid' };
}

/** The hatch of a chart's second series. */
export function ChartPatterns(props: { id: string }) {
  return (
    <defs>
      <pattern id={`${props.id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect class="chart-hatch-bg" width="6" height="6" />
        <path class="chart-hatch-line" d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" />
      </pattern>
    </defs>
  );
}
