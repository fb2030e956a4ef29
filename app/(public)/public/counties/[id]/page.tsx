import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { publishedIndex } from '@/lib/publication/service';
import { isAppError } from '@/lib/shared/errors';
import { formatDocumentDate } from '@/lib/shared/format';

export const dynamic = 'force-dynamic';

async function load(id: string, year: string | undefined) {
  try {
    if (!/^\d{1,15}$/.test(id)) notFound();
    const y = year && /^\d{4}$/.test(year) ? Number(year) : undefined;
    return { ...(await publishedIndex(getDb(), Number(id), y)), year: y };
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `${(await load((await params).id, undefined)).countyName}法治政府建设年度报告` };
}

/** A county's published reports by year, for anyone, with its Atom feed. */
export default async function PublicCountyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ year?: string }> }) {
  const { id } = await params;
  const { countyName, entries, year } = await load(id, (await searchParams).year);
  const years = [...new Set(entries.map((e) => e.year))];
  return (
    <main className="public-report">
      <h1>{countyName}各乡镇（街道）法治政府建设年度报告</h1>
      <p className="public-links">
        {year ? <Link href={`/public/counties/${id}`}>全部年度</Link> : null} <a href={`/public/counties/${id}/feed`}>订阅（Atom）</a>
      </p>
      {entries.length === 0 ? <p>尚无已公开的报告。</p> : null}
      {years.map((y) => (
        <section key={y}>
          <h2>
            <Link href={`/public/counties/${id}?year=${y}`}>{y}年度</Link>
          </h2>
          <ul data-testid={`public-year-${y}`}>
            {entries
              .filter((e) => e.year === y)
              .map((e) => (
                <li key={e.id}>
                  <Link href={`/public/reports/${e.id}`}>{e.title.replace(/\n/g, '')}</Link>
                  {e.publishedDate ? <span className="muted">（{formatDocumentDate(e.publishedDate)}发布）</span> : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
