import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/** Microseconds on the monotonic clock; comparable across processes on one machine. */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** A latency histogram in microseconds, read back in milliseconds. */
export class Latencies {
  private readonly histogram: RecordableHistogram = createHistogram();

  record(micros: number): void {
    this.histogram.record(Math.max(1, Math.round(micros)));
  }

  get count(): number {
    return this.histogram.count;
  }

  /** The p-th percentile in milliseconds (0 when nothing was recorded). */
  ms(p: number): number {
    return this.count ? this.histogram.percentile(p) / 1000 : 0;
  }

  summary(): { count: number; p50: number; p99: number; max: number } {
    return {
      count: this.count,
      p50: round(this.ms(50)),
      p99: round(this.ms(99)),
      max: round(this.count ? this.histogram.max / 1000 : 0),
    };
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The median of repetitions and their spread as (max − min) / median, in percent. */
export function combine(values: number[]): { value: number; spread: number; runs: number[] } {
  const value = median(values);
  const spread = value ? ((Math.max(...values) - Math.min(...values)) / value) * 100 : 0;
  return { value: round(value), spread: Math.round(spread), runs: values.map(round) };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
