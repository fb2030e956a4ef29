import { NextResponse } from 'next/server';
import { getDb } from '@/db';

// For monitoring and load balancers: answers without a login and reveals nothing but whether the database answers.
export const GET = () => {
  try {
    getDb().$client.prepare('select 1').get();
    return NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return NextResponse.json({ status: 'error', error: '数据库无法访问。' }, { status: 503 });
  }
};
