import { createSignal, For, onCleanup, onMount } from 'solid-js';

interface CategoryBarsChartProps {
  label: string;
  bars: Array<{ label: string; value: number }>;
}

const ROW = 28;
const LABEL = 64;

/** Horizontal bars, one per category, each with its label and count written beside it. */
export function CategoryBarsChart(props: CategoryBarsChartProps) {
  const [width, setWidth] = createSignal(480);
  let figure: HTMLElement | undefined;
  onMount(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width || 480));
    if (figure) observer.observe(figure);
    onCleanup(() => observer.disconnect());
  });
  const max = () => Math.max(1, ...props.bars.map((bar) => bar.value));
  const length = (value: number) => ((width() - LABEL - 48) * value) / max();

  return (
    <figure class="report-figure" ref={figure}>
      <svg
        class="report-chart"
        role="img"
        aria-label={props.label}
        width={width()}
        height={props.bars.length * ROW}
        viewBox={`0 0 ${width()} ${props.bars.length * ROW}`}
      >
        <For each={props.bars}>
          {(bar, index) => (
            <g transform={`translate(0,${index() * ROW})`}>
              <text
                class="chart-axis-label"
                x={LABEL - 8}
                y={ROW / 2}
                text-anchor="end"
                dominant-baseline="middle"
              >
                {bar.label}
              </text>
              <rect
                class="chart-bar chart-bar-solid"
                x={LABEL}
                y={5}
                height={ROW - 10}
                width={Math.max(bar.value > 0 ? 2 : 0, length(bar.value))}
              />
              <text
                class="chart-value-label"
                x={LABEL + length(bar.value) + 6}
                y={ROW / 2}
                dominant-baseline="middle"
              >
                {bar.value}
              </text>
            </g>
          )}
        </For>
      </svg>
    </figure>
  );
}
