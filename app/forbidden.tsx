import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="page narrow">
      <h1>无权访问</h1>
      <p data-testid="forbidden">您没有权限查看这个页面。如需查看其他乡镇（街道）的报告，请联系县级审核人或管理员。</p>
      <p>
        <Link href="/">返回我的报告</Link>
      </p>
    </main>
  );
}
