// Work that takes real memory or CPU (reading an uploaded Word file, building a .docx or a county's zip) runs a few
// at a time; a short queue waits, and past it the request is told to try again, so a burst of uploads cannot take
// the server's memory or make everyone else's requests slow.
import { AppError } from '@/lib/shared/errors';
import { limit, limitMessage } from '@/lib/shared/limits';

let running = 0;
const waiting: Array<() => void> = [];

export async function runHeavy<T>(work: () => Promise<T> | T): Promise<T> {
  if (running >= limit('heavyAtOnce')) {
    if (waiting.length >= limit('heavyQueued')) throw new AppError('busy', limitMessage('heavyQueued'));
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiter, so `running` never exceeds the limit.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
