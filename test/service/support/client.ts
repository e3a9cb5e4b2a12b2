/**
 * An HTTP client with its own connection (a keep-alive agent with one socket), so that concurrent
 * clients in a test are separate connections to the service.
 */
import { Agent, request } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer is read field by field in tests
  readonly body: any;
}

export interface SendOptions {
  readonly method?: string;
  /** Sent as it is when a string or a Buffer; otherwise as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export class Client {
  readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  send(url: string, { method = 'GET', body, headers = {} }: SendOptions = {}): Promise<Answer> {
    const payload =
      body === undefined
        ? undefined
        : typeof body === 'string' || Buffer.isBuffer(body)
          ? body
          : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? undefined : JSON.parse(text);
            } catch {
              parsed = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
          });
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  post(url: string, body: unknown, headers?: Readonly<Record<string, string>>): Promise<Answer> {
    return this.send(url, { method: 'POST', body, ...(headers ? { headers } : {}) });
  }

  close(): void {
    this.agent.destroy();
  }
}
