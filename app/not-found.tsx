import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page narrow">
      <h1>页面不存在</h1>
      <p>要找的内容不存在，可能已被删除或地址有误。</p>
      <p>
        <Link href="/">返回我的报告</Link>
      </p>
    </main>
  );
}
