/** A choice in a select, radios or checkboxes. */
export interface Option {
  code: string;
  label: string;
}

/** A label table's entries as choices, in the table's order. */
export const options = (table: Readonly<Record<string | number, string>>): Option[] =>
  Object.entries(table).map(([code, label]) => ({ code, label }));
