'use client';
// The saving state of every part of the workspace (each section and the front matter), and the one the bar shows.
import { useCallback, useState } from 'react';
import type { SaveStatus } from '@/lib/autosave/save-queue';

export type StatusMap = Record<string, { status: SaveStatus; message?: string }>;

// The worst state wins: a conflict before an error before offline … before saved.
const ORDER: SaveStatus[] = ['conflict', 'error', 'offline', 'saving', 'dirty', 'saved'];

export function overallStatus(statuses: StatusMap): { status: SaveStatus; message?: string } {
  const all = Object.values(statuses);
  for (const s of ORDER) {
    const hit = all.find((x) => x.status === s);
    if (hit) return hit;
  }
  return { status: 'saved' };
}

export function useSaveStatuses() {
  const [statuses, setStatuses] = useState<StatusMap>({});
  const onStatus = useCallback((key: string, status: SaveStatus, message?: string) => {
    setStatuses((prev) => (prev[key]?.status === status && prev[key]?.message === message ? prev : { ...prev, [key]: { status, message } }));
  }, []);
  return {
    statuses,
    onStatus,
    overall: overallStatus(statuses),
    unsaved: Object.values(statuses).filter((s) => s.status !== 'saved').length,
  };
}
