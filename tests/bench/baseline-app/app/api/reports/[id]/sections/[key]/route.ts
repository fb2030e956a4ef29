// The least an autosave could be on this platform: the same dynamic path and method, the same JSON body read and
// parsed, a small JSON answer — no session, no checks, no database.
export const PUT = async (req: Request, ctx: { params: Promise<{ id: string; key: string }> }) => {
  const { id } = await ctx.params;
  const body = (await req.json()) as { version?: number };
  return Response.json({ id: Number(id), version: (body.version ?? 0) + 1 }, { headers: { 'cache-control': 'no-store' } });
};
