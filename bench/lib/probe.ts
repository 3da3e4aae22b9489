import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Loaded with `--import` into a benchmarked server: answers the harness over IPC with the
 * process's CPU time and event-loop delay since the last `mark`, and its memory.
 */
export function installProbe(): void {
  if (!process.send) return;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let since = process.cpuUsage();

  process.on('message', (message: { type?: string }) => {
    if (message.type === 'mark') {
      delay.reset();
      since = process.cpuUsage();
      process.send?.({ type: 'marked' });
    }
    if (message.type === 'read') {
      const cpu = process.cpuUsage(since);
      const memory = process.memoryUsage();
      process.send?.({
        type: 'stats',
        cpuUs: cpu.user + cpu.system,
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        eventLoop: {
          p50: delay.percentile(50) / 1e6,
          p99: delay.percentile(99) / 1e6,
          max: delay.max / 1e6,
        },
      });
    }
  });
  // The channel must not keep a server alive that is shutting down.
  process.channel?.unref();
}

installProbe();
