'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { actionWithActor } from '@/lib/server/actions';
import { signOut } from '@/lib/server/auth-config';
import { createReport } from '@/lib/reports/service';
import { formToObject } from '@/lib/shared/validation';

export const createReportAction = actionWithActor(async (actor, form) => {
  const report = await createReport(getDb(), actor, formToObject(form));
  redirect(`/reports/${report.id}/edit`);
});

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
