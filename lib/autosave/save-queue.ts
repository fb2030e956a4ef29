// Autosave for one section: debounced, one request in flight, version-checked, retried when offline, never dropping text.

export type SaveResult<S> =
  | { kind: 'ok'; version: number }
  | { kind: 'conflict'; current: S }
  | { kind: 'offline' }
  | { kind: 'error'; status: number; message: string };

export type SaveStatus = 'saved' | 'saving' | 'dirty' | 'offline' | 'conflict' | 'error';

export const STATUS_LABELS: Record<SaveStatus, string> = {
  saved: '已保存',
  saving: '保存中',
  dirty: '未保存',
  offline: '离线',
  conflict: '有冲突',
  error: '保存失败',
};

export type Timers = {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
};

export type SaveQueueOptions<T, S> = {
  baseVersion: number;
  /** `overwrite` is set on the save that settles a conflict by keeping the local text, so the server keeps the other copy. */
  send: (content: T, baseVersion: number, opts: { overwrite: boolean }) => Promise<SaveResult<S>>;
  onStatus?: (status: SaveStatus, message?: string) => void;
  onSaved?: (version: number, content: T) => void;
  onConflict?: (mine: T, current: S) => void;
  debounceMs?: number;
  timers?: Timers;
};

export const DEBOUNCE_MS = 800;
const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 30_000;

export class SaveQueue<T, S = unknown> {
  private latest: T | null = null;
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private retryDelay = RETRY_MIN_MS;
  private status: SaveStatus = 'saved';
  private message: string | undefined;
  private overwriteNext = false;
  private readonly timers: Timers;
  baseVersion: number;

  constructor(private readonly opts: SaveQueueOptions<T, S>) {
    this.baseVersion = opts.baseVersion;
    this.timers = opts.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) };
  }

  get state(): { status: SaveStatus; message?: string; pending: boolean } {
    return { status: this.status, message: this.message, pending: this.dirty || this.inFlight !== null };
  }

  /** The newest local content, saved or not. */
  get content(): T | null {
    return this.latest;
  }

  private setStatus(s: SaveStatus, message?: string) {
    this.status = s;
    this.message = message;
    this.opts.onStatus?.(s, message);
  }

  private schedule(ms: number) {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /**
   * A change was made whose content is read out a moment later (after the frame is painted): the status says 未保存
   * at once, so that 已保存 is never shown over a change not yet handed to the queue.
   */
  changing(): void {
    if (this.status === 'saved') this.setStatus('dirty');
  }

  /** A change was made: keep it, and save about a second after typing stops. */
  update(content: T): void {
    this.latest = content;
    this.dirty = true;
    if (this.status === 'conflict') return;
    if (this.status !== 'offline' && this.status !== 'saving') this.setStatus('dirty');
    this.schedule(this.opts.debounceMs ?? DEBOUNCE_MS);
  }

  /** Saves now (blur, leaving the page, retry); waits for a save already under way first. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (!this.dirty || this.latest === null || this.status === 'conflict') return;
    this.inFlight = this.sendOnce(this.latest);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    // Edits made while the request was out go next, based on the version it produced.
    if (this.dirty && this.status === 'dirty') await this.flush();
  }

  private async sendOnce(content: T): Promise<void> {
    this.dirty = false;
    this.setStatus('saving');
    let result: SaveResult<S>;
    try {
      result = await this.opts.send(content, this.baseVersion, { overwrite: this.overwriteNext });
    } catch {
      result = { kind: 'offline' };
    }
    const newer = this.latest !== content;
    switch (result.kind) {
      case 'ok':
        this.baseVersion = result.version;
        this.overwriteNext = false;
        this.retryDelay = RETRY_MIN_MS;
        this.opts.onSaved?.(result.version, content);
        if (newer) {
          this.dirty = true;
          this.setStatus('dirty');
        } else {
          this.setStatus('saved');
        }
        return;
      case 'conflict':
        this.dirty = true;
        this.setStatus('conflict');
        this.opts.onConflict?.(this.latest ?? content, result.current);
        return;
      case 'offline':
        this.dirty = true;
        this.setStatus('offline');
        this.schedule(this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
        return;
      case 'error':
        this.dirty = true;
        this.setStatus('error', result.message);
        return;
    }
  }

  /** The network is back: try at once instead of waiting for the back-off. */
  retryNow(): void {
    if (this.status === 'offline' || this.status === 'error') {
      this.retryDelay = RETRY_MIN_MS;
      this.setStatus('dirty');
      void this.flush();
    }
  }

  /** Conflict settled by keeping the local text: it is saved on top of the server's version. */
  keepMine(serverVersion: number): Promise<void> {
    this.baseVersion = serverVersion;
    this.overwriteNext = true;
    this.dirty = this.latest !== null;
    this.setStatus('dirty');
    return this.flush();
  }

  /** Conflict settled by taking the server's text (the caller keeps a copy of the local one). */
  takeServer(serverVersion: number, serverContent: T): void {
    this.baseVersion = serverVersion;
    this.latest = serverContent;
    this.dirty = false;
    this.setStatus('saved');
  }
}
