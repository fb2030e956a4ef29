// Join conditions that many features use, named once.
import { eq } from 'drizzle-orm';
import { reports, townships } from './schema';

/** A report's township. */
export const reportTownship = eq(townships.id, reports.townshipId);
