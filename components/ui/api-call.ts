// A JSON call to the app's API from a component: null when it worked, else the Chinese sentence to show.
export async function apiCall(url: string, method: string, body?: unknown): Promise<string | null> {
  try {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.ok) return null;
    return ((await res.json().catch(() => ({}))) as { error?: string }).error ?? `操作失败（${res.status}）`;
  } catch {
    return '无法连接服务器，请检查网络后重试。';
  }
}
