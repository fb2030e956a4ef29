import { describe, expect, it } from 'vitest';
import { keyUpAction } from '@/components/drafting/use-selection-report';

describe('keyUpAction', () => {
  it('schedules nothing while a caret follows a caret (typing)', () => {
    expect(keyUpAction(true, true)).toBe('nothing');
  });

  it('tells "no selection" at once when a selection has just collapsed', () => {
    expect(keyUpAction(true, false)).toBe('none');
  });

  it('reads a selection made with the keyboard, whatever was told before', () => {
    expect(keyUpAction(false, true)).toBe('read');
    expect(keyUpAction(false, false)).toBe('read');
  });
});
