// Unsaved text kept in the browser (localStorage), so a reload or an outage never loses what was typed.

export type LocalDraft<T> = { content: T; baseVersion: number; savedAt: string };

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftKey = (reportId: number, key: string) => `nianbao:draft:${reportId}:${key}`;
export const stashKey = (reportId: number, key: string) => `nianbao:stash:${reportId}:${key}`;

export class LocalDrafts<T> {
  constructor(
    private readonly storage: StorageLike | null,
    private readonly reportId: number,
  ) {}

  write(key: string, content: T, baseVersion: number, now = new Date()): void {
    try {
      this.storage?.setItem(draftKey(this.reportId, key), JSON.stringify({ content, baseVersion, savedAt: now.toISOString() }));
    } catch {
      // Storage full or disabled: the server copy is still the safety net.
    }
  }

  read(key: string): LocalDraft<T> | null {
    try {
      const raw = this.storage?.getItem(draftKey(this.reportId, key));
      return raw ? (JSON.parse(raw) as LocalDraft<T>) : null;
    } catch {
      return null;
    }
  }

  /** Clears the draft only if it still holds exactly what the server acknowledged. */
  acknowledge(key: string, saved: T): void {
    const d = this.read(key);
    if (d && JSON.stringify(d.content) === JSON.stringify(saved)) this.storage?.removeItem(draftKey(this.reportId, key));
  }

  clear(key: string): void {
    this.storage?.removeItem(draftKey(this.reportId, key));
  }

  /** A copy of text the user replaced with the server's in a conflict, kept in case they want it back. */
  stash(key: string, content: T, now = new Date()): void {
    try {
      this.storage?.setItem(stashKey(this.reportId, key), JSON.stringify({ content, savedAt: now.toISOString() }));
    } catch {
      // Best effort only.
    }
  }

  /** Drafts whose content differs from what the server holds: offered back on load. */
  recoverable(server: Array<{ key: string; content: T }>): Array<{ key: string; draft: LocalDraft<T> }> {
    const out: Array<{ key: string; draft: LocalDraft<T> }> = [];
    for (const s of server) {
      const d = this.read(s.key);
      if (d && JSON.stringify(d.content) !== JSON.stringify(s.content)) out.push({ key: s.key, draft: d });
      else if (d) this.clear(s.key);
    }
    return out;
  }
}
