/** A Chinese error message announced to screen readers; nothing when there is none. */
export function ErrorLine({ message, as = 'p', testId }: { message: string | null | undefined; as?: 'p' | 'span'; testId?: string }) {
  if (!message) return null;
  const Tag = as;
  return (
    <Tag className="msg error" role="alert" data-testid={testId}>
      {message}
    </Tag>
  );
}
