import { Client } from 'pg';
import type { Logger } from 'pino';

/**
 * One LISTEN connection that calls `onWake` for notifications on a channel and reconnects when
 * PostgreSQL restarts. Callers also poll, so a notification lost during a reconnect only delays.
 */
export class WakeListener {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly onWake: (payload: string) => void,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: `zc-listen-${this.channel}`,
    });
    client.on('notification', (message) => this.onWake(message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn({ err: error, channel: this.channel }, 'event wake-up connection lost; reconnecting');
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
      this.client = client;
      // Something may have happened while we were not listening.
      this.onWake('');
    } catch (error) {
      this.logger.warn({ err: error, channel: this.channel }, 'cannot listen for events yet; retrying');
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    const old = this.client;
    this.client = null;
    void old?.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, 1000);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
