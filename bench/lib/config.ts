/** How long and how hard each part runs: `npm run bench` (full) or `npm run bench:smoke`. */
export interface BenchConfig {
  smoke: boolean;
  reps: number;
  warmupMs: number;
  measureMs: number;
  /** Staff sockets watching the inbound path; the first is the headline figure. */
  watchers: number[];
  inboundRate: number;
  replyRate: number;
  /** Rates tried, in order, for the highest sustained one (p99 < 100 ms, nothing lost). */
  ladder: number[];
  ladderWarmupMs: number;
  ladderMeasureMs: number;
  storm: number;
  students: number;
  /** The generated inbox databases: the same query is compared at each size. */
  inbox: Array<{ conversations: number; messages: number }>;
  inboxIterations: number;
  insertCommits: number;
}

export function benchConfig(smoke: boolean): BenchConfig {
  if (smoke) {
    return {
      smoke,
      reps: 1,
      warmupMs: 500,
      measureMs: 1_500,
      watchers: [20],
      inboundRate: 100,
      replyRate: 40,
      ladder: [200, 400],
      ladderWarmupMs: 300,
      ladderMeasureMs: 1_000,
      storm: 50,
      students: 200,
      inbox: [{ conversations: 2_000, messages: 20_000 }],
      inboxIterations: 30,
      insertCommits: 300,
    };
  }
  return {
    smoke,
    reps: 3,
    warmupMs: 2_000,
    measureMs: 10_000,
    watchers: [50, 200],
    inboundRate: 100,
    replyRate: 50,
    ladder: [200, 300, 400, 500, 600, 800, 1_000, 1_200, 1_500, 2_000],
    ladderWarmupMs: 1_000,
    ladderMeasureMs: 3_000,
    storm: 200,
    students: 1_000,
    inbox: [
      { conversations: 100_000, messages: 1_000_000 },
      { conversations: 100_000, messages: 2_000_000 },
    ],
    inboxIterations: 400,
    insertCommits: 5_000,
  };
}
