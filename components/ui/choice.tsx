import type { SelectHTMLAttributes } from 'react';

export type ChoiceOption = { value: string | number; label: string };

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  options: readonly ChoiceOption[];
  /** A first, empty choice ('—') for an optional field. */
  empty?: string;
};

/** A select over a list of options: counties, townships, roles, kinds. */
export function Choice({ options, empty, ...props }: Props) {
  return (
    <select {...props}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The options for a list of values shown as they are (乡 / 镇 / 街道). */
export const plainOptions = (values: readonly string[]): ChoiceOption[] => values.map((v) => ({ value: v, label: v }));
