/** The mark on a suggestion or comment filed from a reviewed Word file (its author is the Word author, not an account). */
export function WordMark({ testId }: { testId: string }) {
  return (
    <span className="word-mark" data-testid={testId}>
      来自 Word
    </span>
  );
}
