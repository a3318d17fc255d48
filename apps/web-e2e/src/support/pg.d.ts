/** The part of pg (installed for the API, whose types come through TypeORM) that the browser tests use. */
declare module 'pg' {
  export class Client {
    constructor(config: { connectionString?: string });
    connect(): Promise<void>;
    query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
    end(): Promise<void>;
  }
}
