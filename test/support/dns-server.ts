import * as dns2 from 'dns2';

/**
 * A real DNS server on loopback for tests, serving records the test defines. Names are
 * matched case-insensitively without the trailing dot. A name listed in `timeouts` never gets
 * an answer, so resolvers time out on it; a name with no entry gets NXDOMAIN; a known name
 * without records of the asked type gets an empty NOERROR answer (NODATA).
 */

export interface ZoneRecords {
  a?: string[];
  aaaa?: string[];
  mx?: { exchange: string; priority: number }[];
  /** Each TXT record as its character strings; a plain string is one string. */
  txt?: (string | string[])[];
}

export interface TestDnsServer {
  /** `127.0.0.1:PORT`, ready for `createResolver({ servers: [address] })` or `--dns-server`. */
  address: string;
  /** Queries received, as `TYPE name`, in order. */
  queries: string[];
  close(): Promise<void>;
}

// dns2 ships no type declarations; these are the parts the server uses.
interface DnsQuestion {
  name: string;
  type: number;
}
interface DnsPacket {
  questions: DnsQuestion[];
  answers: Record<string, unknown>[];
  header: { rcode: number };
}

export async function startDnsServer(zone: Record<string, ZoneRecords>, timeouts: string[] = []): Promise<TestDnsServer> {
  const lib = dns2 as unknown as {
    Packet: {
      TYPE: Record<string, number>;
      CLASS: Record<string, number>;
      RCODE: Record<string, number>;
      createResponseFromRequest(request: DnsPacket): DnsPacket;
    };
    createServer(options: object): {
      listen(options: object): Promise<void>;
      addresses(): { udp?: { port: number } };
      close(): Promise<void>;
    };
  };
  const { Packet } = lib;
  const records = new Map(Object.entries(zone).map(([name, value]) => [normalize(name), value]));
  const silent = new Set(timeouts.map(normalize));
  const queries: string[] = [];
  const typeNames = new Map(Object.entries(Packet.TYPE).map(([name, code]) => [code, name]));

  const server = lib.createServer({
    udp: true,
    handle(request: DnsPacket, send: (response: DnsPacket) => void) {
      const [question] = request.questions;
      const name = normalize(question.name);
      queries.push(`${typeNames.get(question.type) ?? question.type} ${name}`);

      if (silent.has(name)) {
        return;
      }

      const response = Packet.createResponseFromRequest(request);
      const entry = records.get(name);
      if (!entry) {
        response.header.rcode = Packet.RCODE.NXDOMAIN;
        send(response);
        return;
      }

      const base = { name: question.name, class: Packet.CLASS.IN, ttl: 60 };
      if (question.type === Packet.TYPE.A) {
        for (const address of entry.a ?? []) response.answers.push({ ...base, type: Packet.TYPE.A, address });
      } else if (question.type === Packet.TYPE.AAAA) {
        for (const address of entry.aaaa ?? []) response.answers.push({ ...base, type: Packet.TYPE.AAAA, address });
      } else if (question.type === Packet.TYPE.MX) {
        for (const mx of entry.mx ?? []) response.answers.push({ ...base, type: Packet.TYPE.MX, ...mx });
      } else if (question.type === Packet.TYPE.TXT) {
        for (const data of entry.txt ?? []) response.answers.push({ ...base, type: Packet.TYPE.TXT, data });
      }
      send(response);
    },
  });

  await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = server.addresses().udp?.port;
  if (!port) {
    throw new Error('The test DNS server did not report its UDP port.');
  }

  return {
    address: `127.0.0.1:${port}`,
    queries,
    close: () => server.close(),
  };
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}
