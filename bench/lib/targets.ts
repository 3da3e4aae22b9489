/**
 * PERFORMANCE.md's targets, each computed from floors measured in the same run, turned into one
 * table per scenario.
 */
import type { BroadcastFloor, SqlFloors, WebhookFloor } from '../floors/measure.js';
import type { InboundResult } from '../scenarios/inbound.js';
import type { MemoryResult } from '../scenarios/memory.js';
import type { StormRun } from '../scenarios/reconnect.js';
import type { ReplyRun } from '../scenarios/reply.js';
import type { BenchConfig } from './config.js';
import { atLeast, atMost, info, type Table, type TargetRow } from './report.js';
import { combine, round } from './stats.js';

export interface InboxFigures {
  size: { conversations: number; messages: number };
  app: Array<{ metric: string; layer: 'sql' | 'http'; p50: number; p99: number; rows: number }>;
}

export interface Figures {
  config: BenchConfig;
  floors: {
    broadcast: Record<number, BroadcastFloor>;
    webhook: Record<number, WebhookFloor>;
    http: Array<{ rps: number; p50: number; p99: number }>;
    connectAll: { times: number[]; rssMb: number };
    /** Per generated database, in config order. */
    sql: SqlFloors[];
  };
  inbound?: Record<number, InboundResult>;
  reply?: ReplyRun[];
  reconnect?: StormRun[];
  memory?: MemoryResult;
  inbox?: InboxFigures[];
}

/** Median of a figure over the repetitions, and the label saying how far the runs spread. */
function med(values: number[]): number {
  return combine(values).value;
}

function spread(values: number[]): string {
  const { spread: s } = combine(values);
  return values.length > 1 ? ` (${values.length} runs, spread ${s} %)` : '';
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const sizeLabel = (size: { conversations: number; messages: number }) =>
  `${size.conversations / 1000}k conversations / ${count(size.messages)} messages`;
const count = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1000}k`);

export function buildTables(figures: Figures, command: string): Table[] {
  const tables: Table[] = [floorTable(figures, command)];
  const insertP99 = figures.floors.sql.at(-1)?.insert.p99 ?? 0;

  for (const [clients, result] of Object.entries(figures.inbound ?? {})) {
    tables.push(inboundTable(figures, Number(clients), result, insertP99, command));
  }
  if (figures.reply) tables.push(replyTable(figures, figures.reply, insertP99, command));
  for (const [index, inbox] of (figures.inbox ?? []).entries()) {
    const floors = figures.floors.sql[index];
    const smaller = index > 0 ? figures.inbox?.[index - 1] : undefined;
    if (floors) tables.push(inboxTable(figures, inbox, floors, smaller, command));
  }
  if (figures.memory || figures.inbound) tables.push(resourceTable(figures, command));
  if (figures.reconnect) tables.push(stormTable(figures, figures.reconnect, command));
  return tables;
}

function floorTable(figures: Figures, command: string): Table {
  const { floors } = figures;
  const rows: TargetRow[] = [];
  for (const [clients, floor] of Object.entries(floors.broadcast)) {
    const p50 = floor.runs.map((r) => r.p50);
    const p99 = floor.runs.map((r) => r.p99);
    rows.push(info(`broadcast to ${clients}, p50 ms${spread(p50)}`, med(p50)));
    rows.push(info(`broadcast to ${clients}, p99 ms${spread(p99)}`, med(p99)));
    rows.push(
      info(
        `broadcast to ${clients}, server CPU µs per delivery`,
        med(floor.runs.map((r) => r.cpuPerDeliveryUs)),
      ),
    );
  }
  for (const [clients, floor] of Object.entries(floors.webhook)) {
    const p50 = floor.runs.map((r) => r.p50);
    const p99 = floor.runs.map((r) => r.p99);
    rows.push(info(`webhook route to ${clients}, p50 ms${spread(p50)}`, med(p50)));
    rows.push(info(`webhook route to ${clients}, p99 ms${spread(p99)}`, med(p99)));
    rows.push(info(`webhook route to ${clients}, sustained req/s (p99 < 100 ms)`, floor.sustained));
  }
  if (floors.http.length) {
    const rps = floors.http.map((r) => r.rps);
    const p99 = floors.http.map((r) => r.p99);
    rows.push(info(`empty POST, req/s over 10 connections${spread(rps)}`, med(rps)));
    rows.push(info(`empty POST, p99 ms${spread(p99)}`, med(p99)));
  }
  if (floors.connectAll.times.length) {
    const { times, rssMb } = floors.connectAll;
    rows.push(
      info(`connect ${figures.config.storm} sockets at once, ms${spread(times)}`, med(times)),
    );
    rows.push(info(`bare Socket.IO server RSS MB with ${figures.config.storm} sockets`, rssMb));
  }
  const largest = floors.sql.at(-1);
  if (largest) {
    rows.push(
      info(`insert transaction, p50 ms (${largest.insert.count} commits)`, largest.insert.p50),
    );
    rows.push(info('insert transaction, p99 ms', largest.insert.p99));
    for (const [metric, timing] of Object.entries(largest.inbox)) {
      rows.push(info(`SQL ${metric}, p50 ms (largest database)`, timing.p50));
    }
  }
  return { title: 'Floors (bare code, same run)', command: `${command} -- --only floors`, rows };
}

function inboundTable(
  figures: Figures,
  clients: number,
  result: InboundResult,
  insertP99: number,
  command: string,
): Table {
  const floor = figures.floors.webhook[clients];
  const rate = figures.config.inboundRate;
  const p50 = result.runs.map((r) => r.p50);
  const p99 = result.runs.map((r) => r.p99);
  const floorP50 = med(floor?.runs.map((r) => r.p50) ?? [0]);
  const floorP99 = med(floor?.runs.map((r) => r.p99) ?? [0]);
  const rows: TargetRow[] = [
    atMost(
      `POST → last socket p50 ms${spread(p50)}`,
      med(p50),
      floorP50,
      floorP50 + 1,
      'floor + 1 ms',
    ),
    atMost(
      `POST → last socket p99 ms${spread(p99)}`,
      med(p99),
      floorP99,
      2 * floorP99 + insertP99,
      `2 × floor + insert p99 (${insertP99})`,
    ),
    atMost('POST → last socket p99 ms, sanity bound', med(p99), 0, 25),
    atMost('lost events (every receipt counted)', sum(result.runs.map((r) => r.lost)), 0, 0),
    atMost('duplicated events', sum(result.runs.map((r) => r.duplicated)), 0, 0),
    atLeast(
      'sustained req/s with p99 < 100 ms',
      result.sustained,
      floor?.sustained ?? 0,
      0.8 * (floor?.sustained ?? 0),
      '0.8 × floor',
    ),
  ];
  if (clients === figures.config.watchers[0]) {
    rows.push(atLeast('sustained req/s, sanity bound', result.sustained, 0, 200));
  }
  const refused = sum(
    result.runs.map((r) =>
      sum(
        Object.entries(r.statuses)
          .filter(([s]) => s !== '200')
          .map(([, n]) => n),
      ),
    ),
  );
  rows.push(atMost('webhooks not answered 200', refused, 0, 0));
  return {
    title: `Inbound to screens: ${clients} staff sockets, ${rate} signed webhooks/s`,
    command: `${command} -- --only inbound`,
    rows,
  };
}

function replyTable(figures: Figures, runs: ReplyRun[], insertP99: number, command: string): Table {
  const clients = figures.config.watchers[0] as number;
  const floor = figures.floors.broadcast[clients];
  const floorP50 = med(floor?.runs.map((r) => r.p50) ?? [0]);
  const floorP99 = med(floor?.runs.map((r) => r.p99) ?? [0]);
  const screens50 = runs.map((r) => r.screens.p50);
  const screens99 = runs.map((r) => r.screens.p99);
  const carrier50 = runs.map((r) => r.carrier.p50);
  const carrier99 = runs.map((r) => r.carrier.p99);
  return {
    title:
      `Reply path: one counselor, ${figures.config.replyRate} replies/s, ` +
      `${clients} other counselors`,
    command: `${command} -- --only reply`,
    rows: [
      info(`POST → last other counselor p50 ms${spread(screens50)}`, med(screens50), floorP50),
      atMost(
        `POST → last other counselor p99 ms${spread(screens99)}`,
        med(screens99),
        floorP99,
        2 * floorP99 + insertP99,
        `2 × broadcast floor + insert p99 (${insertP99})`,
      ),
      info(`POST → fake Vonage p50 ms${spread(carrier50)}`, med(carrier50)),
      info(`POST → fake Vonage p99 ms${spread(carrier99)}`, med(carrier99)),
      atMost(
        'lost or duplicated on screens',
        sum(runs.map((r) => r.screens.lost + r.screens.duplicated)),
        0,
        0,
      ),
      atMost(
        'lost or duplicated at the carrier',
        sum(runs.map((r) => r.carrier.lost + r.carrier.duplicated)),
        0,
        0,
      ),
      atMost(
        'replies not answered 201',
        sum(
          runs.map((r) =>
            sum(
              Object.entries(r.statuses)
                .filter(([s]) => s !== '201')
                .map(([, n]) => n),
            ),
          ),
        ),
        0,
        0,
      ),
    ],
  };
}

function inboxTable(
  figures: Figures,
  inbox: InboxFigures,
  floors: SqlFloors,
  smaller: InboxFigures | undefined,
  command: string,
): Table {
  const httpFloor99 = med(figures.floors.http.map((r) => r.p99));
  const rows: TargetRow[] = [];
  for (const row of inbox.app) {
    const floor = floors.inbox[row.metric];
    if (row.layer === 'sql') {
      if (floor) {
        rows.push(
          atMost(`SQL ${row.metric}, p50 ms`, row.p50, floor.p50, 3 * floor.p50, '3 × floor'),
        );
      } else {
        rows.push(info(`SQL ${row.metric}, p50 ms`, row.p50));
      }
      if (!row.metric.startsWith('search')) {
        rows.push(atMost(`SQL ${row.metric}, p99 ms, sanity bound`, row.p99, 0, 5));
      }
      const before = smaller?.app.find((r) => r.metric === row.metric && r.layer === 'sql');
      if (before && before.p50 > 0) {
        rows.push(
          atMost(
            `SQL ${row.metric}: p50 at ${sizeLabel(inbox.size)} ÷ ` +
              `at ${sizeLabel(smaller?.size ?? inbox.size)}`,
            round(row.p50 / before.p50, 2),
            0,
            1.3,
          ),
        );
      }
    } else {
      const bound = httpFloor99 + 3 * (floor?.p50 ?? 0);
      if (floor) {
        rows.push(
          atMost(
            `HTTP ${row.metric}, p99 ms`,
            row.p99,
            httpFloor99,
            bound,
            'HTTP floor p99 + 3 × SQL floor',
          ),
        );
      } else {
        rows.push(info(`HTTP ${row.metric}, p99 ms`, row.p99, httpFloor99));
      }
    }
  }
  return {
    title: `Inbox and search at ${sizeLabel(inbox.size)}`,
    command: `${command} -- --only inbox`,
    rows,
  };
}

function resourceTable(figures: Figures, command: string): Table {
  const rows: TargetRow[] = [];
  const clients = figures.config.watchers[0] as number;
  const inbound = figures.inbound?.[clients];
  const broadcast = figures.floors.broadcast[clients];
  if (inbound) {
    const servers = inbound.runs.map((r) => r.server).filter((s) => s !== null);
    const perDelivery = inbound.runs.map((r) =>
      r.server && r.deliveries ? r.server.cpuUs / r.deliveries : 0,
    );
    const floorCpu = med(broadcast?.runs.map((r) => r.cpuPerDeliveryUs) ?? [0]);
    rows.push(
      atMost(
        `server CPU µs per delivered event (${clients} sockets)${spread(perDelivery)}`,
        round(med(perDelivery), 2),
        floorCpu,
        2 * floorCpu,
        '2 × broadcast floor',
      ),
    );
    const loop = servers.map((s) => s.eventLoop.p99);
    rows.push(
      atMost(
        `event-loop delay p99 ms during the webhook run${spread(loop)}`,
        round(med(loop), 2),
        0,
        20,
      ),
    );
  }
  if (figures.memory) {
    const memory = figures.memory;
    rows.push(info('server RSS MB, big database open, idle', memory.idleMb));
    const bare = figures.floors.connectAll.rssMb;
    rows.push(info(`server RSS MB with ${memory.sockets} sockets`, memory.connectedMb, bare));
    rows.push(
      info(`server RSS MB with ${memory.sockets} sockets, inbox and search warmed`, memory.warmMb),
    );
    rows.push(info('server JS heap MB, warmed', memory.heapMb));
  }
  return { title: 'Memory and CPU', command: `${command} -- --only inbound,memory`, rows };
}

function stormTable(figures: Figures, runs: StormRun[], command: string): Table {
  const times = runs.map((r) => r.ms);
  const floor = med(figures.floors.connectAll.times);
  return {
    title: `Reconnect storm: ${figures.config.storm} sockets dropped and back at once`,
    command: `${command} -- --only reconnect`,
    rows: [
      atMost(
        `all re-joined and replayed, ms${spread(times)}`,
        med(times),
        floor,
        2 * floor,
        '2 × bare connect-all',
      ),
      atMost(
        'replayed texts lost or duplicated',
        sum(runs.map((r) => r.lost + r.duplicated)),
        0,
        0,
      ),
    ],
  };
}
