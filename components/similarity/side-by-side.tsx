// Two reports' parts side by side, the passages they share marked in both (the reviewer's 雷同 view).
import Link from 'next/link';
import type { SideBySide } from '@/lib/similarity/service';
import { Highlighted, Score } from './highlighted';
import './similarity.css';

export function SideBySideView({ view }: { view: SideBySide }) {
  const name = (s: SideBySide['a']) => `${s.township} ${s.year}年度`;
  return (
    <>
      <div className="sbs-head">
        <h1>
          相似内容对照：{name(view.a)} ↔ {name(view.b)}
        </h1>
        <Link href={`/reports/${view.a.reportId}/edit`}>返回{view.a.township}的报告</Link>
      </div>
      <p className="muted">黄色标出的是两份报告共有的段落（已忽略标点、空格和数字的差别，20 字以上才算）。百分比是较短一方有多少内容与对方相同。</p>
      {view.parts.map((p) => (
        <section key={p.part} className="sbs-part" id={p.part} data-testid={`sbs-${p.part}`}>
          <h2>
            {p.label} <Score score={p.score} testId={`sbs-score-${p.part}`} />
          </h2>
          <div className="sbs-cols">
            <div className="sbs-col" data-testid={`sbs-${p.part}-a`}>
              <h3>{name(view.a)}</h3>
              {p.a.text ? <Highlighted text={p.a.text} ranges={p.a.ranges} testId={`sbs-${p.part}-a`} /> : <span className="muted">（未填写）</span>}
            </div>
            <div className="sbs-col" data-testid={`sbs-${p.part}-b`}>
              <h3>{name(view.b)}</h3>
              {p.b.text ? <Highlighted text={p.b.text} ranges={p.b.ranges} testId={`sbs-${p.part}-b`} /> : <span className="muted">（未填写）</span>}
            </div>
          </div>
        </section>
      ))}
    </>
  );
}
