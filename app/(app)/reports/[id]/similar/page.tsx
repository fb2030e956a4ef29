import { reportPageData, type ReportPageProps } from '@/lib/server/session';
import { parseId } from '@/lib/shared/validation';
import { sideBySide } from '@/lib/similarity/service';
import { SideBySideView } from '@/components/similarity/side-by-side';

export const dynamic = 'force-dynamic';

/** /reports/:id/similar?with=<otherId>: the two reports' parts side by side, shared passages marked in both. */
export default async function SimilarPage(props: ReportPageProps<{ with?: string }>) {
  const { data: view } = await reportPageData(props, (db, actor, reportId, query) => sideBySide(db, actor, reportId, parseId(query.with, '对照的报告编号')));
  return (
    <main className="page wide">
      <SideBySideView view={view} />
    </main>
  );
}
