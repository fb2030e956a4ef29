// What a server action answers a form with: shared by the action wrapper (server) and the forms (browser).
export type ActionState = { ok: boolean; message: string } | null;
