'use client';
// A comment box that offers, after "@", the people who may read the report (as the server lists them): a listbox
// under the box, chosen with the arrow keys and Enter (or Tab, or a click), closed with Esc. What it puts in is plain
// text (@姓名); the server decides whom a comment mentions. And a comment's text with its recorded mentions marked.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { apiCall } from '@/components/ui/api-call';
import type { MentionOption, ReaderList } from '@/lib/review/mentions';

const SHOWN = 8;
// An "@" at the start or after a character that cannot end an e-mail's name part, and what has been typed after it.
const TRIGGER = /(?:^|[^A-Za-z0-9_.-])@([^\s@]{0,20})$/;

const cache = new Map<number, Promise<MentionOption[]>>();
function readersOf(reportId: number): Promise<MentionOption[]> {
  let p = cache.get(reportId);
  if (!p) {
    p = apiCall<ReaderList>(`/api/reports/${reportId}/readers`).then((r) => (r.ok ? r.data.readers : []));
    cache.set(reportId, p);
    // A refusal or a failed request is asked again next time.
    void p.then((list) => list.length || cache.delete(reportId));
  }
  return p;
}

type Props = { reportId: number; value: string; onChange: (v: string) => void; label: string; placeholder: string; rows: number; testId: string };

export function MentionBox({ reportId, value, onChange, label, placeholder, rows, testId }: Props) {
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [people, setPeople] = useState<MentionOption[]>([]);
  // Where the "@" being completed is, and what follows it; null when the picker is closed.
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [caret, setCaret] = useState<number | null>(null);

  useEffect(() => {
    if (caret === null || !box.current) return;
    box.current.setSelectionRange(caret, caret);
    setCaret(null);
  }, [caret]);

  const q = at?.query.toLowerCase() ?? '';
  const options = at ? people.filter((p) => p.name.toLowerCase().includes(q) || p.insert.toLowerCase().includes(q)).slice(0, SHOWN) : [];
  const open = at !== null && options.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;

  function look(text: string, pos: number) {
    const m = TRIGGER.exec(text.slice(0, pos));
    if (!m) return setAt(null);
    setAt({ start: pos - m[1]!.length - 1, query: m[1]! });
    setActive(0);
    void readersOf(reportId).then(setPeople);
  }

  function choose(p: MentionOption) {
    if (!at || !box.current) return;
    const end = box.current.selectionStart;
    const put = `@${p.insert} `;
    onChange(value.slice(0, at.start) + put + value.slice(end));
    setAt(null);
    setCaret(at.start + put.length);
    box.current.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // While a Chinese input method composes, Enter and the arrows are its own (choosing the characters).
    if (!open || e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      choose(options[Math.min(active, options.length - 1)]!);
    } else if (e.key === 'Escape') {
      // Closes the list only, not the phone's drawer around the box.
      e.preventDefault();
      e.stopPropagation();
      setAt(null);
    }
  }

  return (
    <div className="mention-box">
      <textarea
        ref={box}
        rows={rows}
        value={value}
        maxLength={2000}
        placeholder={placeholder}
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(Math.min(active, options.length - 1)) : undefined}
        data-testid={testId}
        onChange={(e) => {
          onChange(e.target.value);
          look(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setAt(null)}
      />
      {open ? (
        <ul className="mention-list" role="listbox" id={listId} aria-label="可以提到的人" data-testid="mention-list">
          {options.map((p, i) => (
            <li
              key={p.insert}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Keeps the focus in the box, so the blur does not close the list before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(p)}
            >
              <span className="mention-name">{p.name}</span> <span className="muted">{p.role}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="sr-only" role="status">
        {open ? `可以提到 ${options.length} 人，按上下键选择，按回车确认，按 Esc 关闭。` : ''}
      </p>
    </div>
  );
}

/** A comment's text with its recorded mentions marked (offsets from the server, into this very text). */
export function CommentText({ body, mentions }: { body: string; mentions: ReadonlyArray<{ start: number; end: number }> }) {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const m of mentions) {
    if (m.start < from || m.end > body.length) continue;
    parts.push(body.slice(from, m.start));
    parts.push(
      <span key={m.start} className="mention" data-testid="comment-mention">
        {body.slice(m.start, m.end)}
      </span>,
    );
    from = m.end;
  }
  parts.push(body.slice(from));
  return <p className="comment-body">{parts}</p>;
}
