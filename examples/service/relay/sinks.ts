/**
 * Where the relay delivers events: a webhook (one POST per event) or a file (JSON lines). A sink
 * delivers a batch in order and says how many of its first events it delivered; a failure part-way
 * leaves the rest for the next try. Both may deliver an event twice after a crash, never zero times.
 */
import { appendFile } from 'node:fs/promises';

/** One outbox row, as a sink receives it. `seq` is unique: consumers drop a repeat by it. */
export interface Delivery {
  readonly seq: number;
  readonly machine: string;
  readonly subjectId: string;
  readonly version: number;
  readonly event: unknown;
}

export interface Sink {
  readonly name: string;
  /** Delivers `deliveries` in order; answers how many, from the first, were delivered. */
  deliver(deliveries: readonly Delivery[]): Promise<{ delivered: number; error?: string }>;
}

/** POSTs each delivery as JSON to `url`; any 2xx answer counts as delivered. */
export function webhookSink(url: string, timeoutMs = 10_000): Sink {
  return {
    name: `webhook ${url}`,
    async deliver(deliveries) {
      let delivered = 0;
      for (const delivery of deliveries) {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(delivery),
            signal: AbortSignal.timeout(timeoutMs),
          });
          await response.arrayBuffer();
          if (!response.ok) return { delivered, error: `the webhook answered ${response.status}` };
        } catch (error) {
          return { delivered, error: `the webhook failed: ${(error as Error).message}` };
        }
        delivered++;
      }
      return { delivered };
    },
  };
}

/** Appends the batch to `path`, one JSON line per delivery, in one write. */
export function fileSink(path: string): Sink {
  return {
    name: `file ${path}`,
    async deliver(deliveries) {
      const lines = deliveries.map((delivery) => `${JSON.stringify(delivery)}\n`).join('');
      try {
        await appendFile(path, lines);
        return { delivered: deliveries.length };
      } catch (error) {
        return { delivered: 0, error: `the file failed: ${(error as Error).message}` };
      }
    },
  };
}
