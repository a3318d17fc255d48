/** One server-sent event as a client parses it. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

/**
 * A client of a `text/event-stream` route, reading it as the web app does (fetch and a stream
 * reader, the token in a header): it keeps every event and waits for the ones a test expects.
 */
export class EventStreamClient {
  readonly events: StreamEvent[] = [];
  /** Comment lines (heartbeats) seen. */
  comments = 0;
  headers?: Headers;
  private readonly abort = new AbortController();
  private ended = false;
  private reading?: Promise<void>;

  async open(url: string, token: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
      signal: this.abort.signal,
    });
    this.headers = response.headers;
    if (response.ok && response.body) this.reading = this.read(response.body);
    return response;
  }

  /** Waits for an event (after `after` events already seen) that satisfies the test. */
  async next(
    matches: (event: StreamEvent) => boolean,
    { after = 0, timeoutMs = 10_000 }: { after?: number; timeoutMs?: number } = {},
  ): Promise<StreamEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(after).find(matches);
      if (found) return found;
      if (this.ended) throw new Error(`stream ended; events: ${JSON.stringify(this.events)}`);
      if (Date.now() > deadline)
        throw new Error(`no such event in ${timeoutMs} ms; events: ${JSON.stringify(this.events)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  get isEnded(): boolean {
    return this.ended;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.reading?.catch(() => undefined);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } finally {
      this.ended = true;
    }
  }

  private parse(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments++;
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trim());
    }
    if (data.length > 0) this.events.push({ event, data: JSON.parse(data.join('\n')) });
  }
}
