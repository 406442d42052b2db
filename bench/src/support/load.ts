// autocannon with one request script per connection (its own applicant, token and state), the
// GraphQL errors inside 200 answers counted as failures, the servers' SQL statements per request,
// and the process's memory sampled while the load runs.
import autocannon from 'autocannon';
import type { SqlCounter } from './platform';

export interface ConnectionScript {
  /** The next request's headers and body. */
  next(): { headers: Record<string, string>; body: string };
  /** The answer's body (e.g. to carry a version into the next request). */
  answered?(status: number, body: string): void;
}

export interface LoadOptions {
  title: string;
  url: string;
  connections: number;
  seconds: number;
  /** Called once per connection, with its index (0 … connections-1). */
  script(connection: number): ConnectionScript;
  /** Counts the servers' statements; also makes the run start and end on quiet servers. */
  sql: SqlCounter;
}

export interface LoadResult {
  title: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /**
   * Statements the servers sent per request (events machinery excluded), counted until the
   * requests in flight at the end have finished, divided by the requests sent.
   */
  sqlPerRequest: number;
  rssStartMb: number;
  rssPeakMb: number;
  heapPeakMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function load(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  let connection = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 100);
  await options.sql.quiet();
  const sqlBefore = options.sql.count;
  try {
    const result = await autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      setupClient(client) {
        const script = options.script(connection++);
        client.setRequests([
          {
            method: 'POST',
            path: target.pathname,
            setupRequest: (request) => {
              const { headers, body } = script.next();
              return { ...request, headers: { 'content-type': 'application/json', ...headers }, body };
            },
            onResponse: (status, body) => {
              // A cheap check: parsing every answer would cost the servers' CPU (one process).
              if (body.includes('"errors":[')) {
                graphqlErrors += 1;
                firstError ??= body.slice(0, 600);
              }
              script.answered?.(status, body);
            },
          },
        ]);
      },
    });
    await options.sql.quiet();
    const sqlAfter = options.sql.count;
    const sent = (result.requests as { sent?: number }).sent ?? result.requests.total;
    const failures = result.errors + result.non2xx + graphqlErrors;
    if (failures > 0)
      throw new Error(
        `${options.title}: ${failures} failed requests${firstError ? `, e.g. ${firstError}` : ''}`,
      );
    return {
      title: options.title,
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      sqlPerRequest: (sqlAfter - sqlBefore) / Math.max(sent, 1),
      rssStartMb: mb(rssStart),
      rssPeakMb: mb(rssPeak),
      heapPeakMb: mb(heapPeak),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** A markdown table of runs, then the peer's ratios against the first. */
export function report(runs: LoadResult[]): string {
  const lines = [
    '| path | requests | req/s | p50 ms | p99 ms | SQL/request | RSS start → peak MB | heap peak MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (r) =>
        `| ${r.title} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.sqlPerRequest.toFixed(2)} | ${r.rssStartMb.toFixed(0)} → ${r.rssPeakMb.toFixed(0)} | ${r.heapPeakMb.toFixed(0)} |`,
    ),
  ];
  const [base, ...peers] = runs;
  for (const peer of peers)
    lines.push(
      '',
      `${peer.title} vs ${base.title}: throughput ×${(peer.rps / base.rps).toFixed(2)}, p50 ×${(
        peer.p50 / Math.max(base.p50, 1)
      ).toFixed(2)}, p99 ×${(peer.p99 / Math.max(base.p99, 1)).toFixed(2)}`,
    );
  return lines.join('\n');
}
