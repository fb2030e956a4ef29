import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { ping } from '@/db/tx';

// For monitoring and load balancers: answers without a login and reveals nothing but whether the database (SQLite
// file or PostgreSQL) answers.
export const GET = async () => {
  let ok = false;
  try {
    ok = await ping(getDb());
  } catch {
    ok = false;
  }
  if (ok) return NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  return NextResponse.json({ status: 'error', error: '数据库无法访问。' }, { status: 503, headers: { 'cache-control': 'no-store' } });
};
