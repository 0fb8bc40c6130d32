// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface RequestContext {
    [key: string]: unknown;
  }
  interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: AutocannonRequest, context: RequestContext) => AutocannonRequest;
    onResponse?: (status: number, body: string, context: RequestContext) => void;
  }
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }
  interface Result {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    overallRate?: number;
    timeout?: number;
    requests?: AutocannonRequest[];
  }
  /** The run: awaitable, and stoppable before its duration is over. */
  function autocannon(options: Options): Promise<Result> & { stop(): void };
  export default autocannon;
}
