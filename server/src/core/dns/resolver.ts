import { Resolver } from 'node:dns/promises';

/**
 * DNS lookups for list verification and sender authentication checks.
 *
 * Every answer is a value, never an exception: callers must tell "the domain has no such
 * record" (a finding) from "the lookup timed out" (unknown, never reported as a failure).
 * Answers are cached per resolver, so a list with 10,000 addresses at one domain costs one
 * query, and concurrent lookups are bounded.
 */

export type DnsAnswer<T> =
  | { status: 'ok'; records: T }
  | { status: 'nxdomain' }
  | { status: 'nodata' }
  | { status: 'timeout'; detail: string }
  | { status: 'error'; detail: string };

export interface MxRecord {
  exchange: string;
  priority: number;
}

export interface DnsResolver {
  mx(domain: string): Promise<DnsAnswer<MxRecord[]>>;
  /** TXT records, each with its character strings joined as RFC 7208 3.3 requires for SPF. */
  txt(name: string): Promise<DnsAnswer<string[]>>;
  a(domain: string): Promise<DnsAnswer<string[]>>;
  aaaa(domain: string): Promise<DnsAnswer<string[]>>;
}

export interface ResolverOptions {
  /** `HOST:PORT` or `HOST` entries; the system's resolvers when empty. */
  servers?: string[];
  /** Per-query timeout in milliseconds. */
  timeoutMs?: number;
  /** Attempts per query before it counts as timed out. */
  tries?: number;
  /** Lookups in flight at once. */
  concurrency?: number;
}

type RecordType = 'MX' | 'TXT' | 'A' | 'AAAA';

export function createResolver(options: ResolverOptions = {}): DnsResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 3000, tries: options.tries ?? 2 });
  if (options.servers && options.servers.length > 0) {
    resolver.setServers(options.servers.map(normalizeServer));
  }

  const limit = createLimiter(options.concurrency ?? 16);
  const cache = new Map<string, Promise<DnsAnswer<unknown>>>();

  function lookup<T>(type: RecordType, name: string, run: () => Promise<T>): Promise<DnsAnswer<T>> {
    const key = `${type} ${name.toLowerCase()}`;
    let answer = cache.get(key);
    if (!answer) {
      answer = limit(() => settle(run));
      cache.set(key, answer);
    }
    return answer as Promise<DnsAnswer<T>>;
  }

  return {
    mx: (domain) => lookup('MX', domain, () => resolver.resolveMx(domain)),
    txt: (name) => lookup('TXT', name, async () => (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''))),
    a: (domain) => lookup('A', domain, () => resolver.resolve4(domain)),
    aaaa: (domain) => lookup('AAAA', domain, () => resolver.resolve6(domain)),
  };
}

/** Validates a `HOST:PORT` server setting and returns it in the form `setServers` takes. */
export function normalizeServer(server: string): string {
  const trimmed = server.trim();
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+)(?::(\d{1,5}))?$/.exec(trimmed);
  if (!match || (match[2] !== undefined && Number(match[2]) > 65535)) {
    throw new Error(`Invalid DNS server "${server}": write it as HOST or HOST:PORT, for example 127.0.0.1:5353.`);
  }
  return trimmed;
}

async function settle<T>(run: () => Promise<T>): Promise<DnsAnswer<T>> {
  try {
    return { status: 'ok', records: await run() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND') {
      return { status: 'nxdomain' };
    }
    if (code === 'ENODATA') {
      return { status: 'nodata' };
    }
    if (code === 'ETIMEOUT' || code === 'ECONNREFUSED') {
      return { status: 'timeout', detail: String(code) };
    }
    return { status: 'error', detail: `${code ?? ''} ${(error as Error).message}`.trim() };
  }
}

function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];

  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
