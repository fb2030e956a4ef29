'use client';
// The side panel in its frame: beside the text on a wide screen, a drawer on a phone (drafting.css decides which).
import { useEffect, useRef } from 'react';
import { SidePanel } from './side-panel';

/**
 * The side panel's drawer on a phone (on a wide screen the CSS keeps the panel beside the text and hides the
 * buttons): a button opens and closes it, Esc and 关闭 close it; focus goes into it and comes back to the button.
 */
export function SideDrawer({ open, setOpen, count }: { open: boolean; setOpen: (open: boolean) => void; count: number }) {
  const toggleRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  return (
    <>
      <button
        type="button"
        ref={toggleRef}
        className="drawer-toggle"
        aria-expanded={open}
        aria-controls="side-drawer"
        onClick={() => setOpen(!open)}
        data-testid="side-panel-toggle"
      >
        清单·检查·批注{count ? <span className="badge">{count}</span> : null}
      </button>
      {open ? <div className="drawer-backdrop" onClick={close} aria-hidden="true" /> : null}
      <div
        id="side-drawer"
        className={open ? 'side-drawer open' : 'side-drawer'}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      >
        <div className="drawer-head">
          <strong>清单、检查、批注与修订</strong>
          <button type="button" ref={closeRef} className="secondary" onClick={close} data-testid="side-panel-close">
            关闭
          </button>
        </div>
        <SidePanel />
      </div>
    </>
  );
}
