import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/server/session';
import { isAppError } from '@/lib/shared/errors';
import { BODY_SECTION_KEYS, SECTION_LABELS } from '@/lib/domain/sections';
import { searchReports, type SearchHit } from '@/lib/search/service';
import { listVisibleTownships } from '@/lib/directory/townships';

export const dynamic = 'force-dynamic';

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; year?: string; township?: string; section?: string }>;
}) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const db = getDb();
  const townships = await listVisibleTownships(db, actor);
  let hits: SearchHit[] = [];
  let error = '';
  if (sp.q !== undefined) {
    try {
      hits = await searchReports(db, actor, {
        q: sp.q,
        year: sp.year || undefined,
        townshipId: sp.township || undefined,
        section: sp.section || undefined,
      });
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = e.message;
    }
  }
  return (
    <main className="page">
      <h1>搜索报告</h1>
      <form className="form grid search-form" action="/search">
        <label className="span-3">
          关键词（至少两个字，如“复议”“法律顾问”）
          <input name="q" defaultValue={sp.q ?? ''} maxLength={50} autoFocus />
        </label>
        <label>
          年度
          <input name="year" type="number" min={2000} max={2100} defaultValue={sp.year ?? ''} />
        </label>
        <label>
          乡镇（街道）
          <select name="township" defaultValue={sp.township ?? ''}>
            <option value="">全部</option>
            {townships.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          部分
          <select name="section" defaultValue={sp.section ?? ''}>
            <option value="">全部</option>
            {BODY_SECTION_KEYS.map((k) => (
              <option key={k} value={k}>
                {SECTION_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="submit">搜索</button>
        </div>
      </form>
      {error ? <p className="msg error">{error}</p> : null}
      {sp.q !== undefined && !error ? <p className="muted">找到 {hits.length} 处{hits.length >= 200 ? '（只显示前 200 处，请加筛选条件）' : ''}。</p> : null}
      <ol className="search-results" data-testid="search-results">
        {hits.map((h) => (
          <li key={`${h.reportId}-${h.sectionKey}`}>
            <div className="search-meta">
              <Link href={`/reports/${h.reportId}`}>
                {h.townshipName} · {h.year}年度 · {h.sectionLabel}
              </Link>
              {h.count > 1 ? <span className="muted">（本部分共 {h.count} 处）</span> : null}
            </div>
            <p className="search-snippet">
              {h.snippet.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
            </p>
          </li>
        ))}
      </ol>
    </main>
  );
}
