'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { actionWithActor } from '@/lib/actions';
import { signOut } from '@/lib/auth/config';
import { createReport } from '@/lib/reports';
import { formToObject } from '@/lib/validation';

export const createReportAction = actionWithActor((actor, form) => {
  const report = createReport(getDb(), actor, formToObject(form));
  redirect(`/reports/${report.id}/edit`);
});

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
