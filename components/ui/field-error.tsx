import type { ReactNode } from "react";

/**
 * A field's error line, shown next to the field; its `id` is what the control's aria-describedby names
 * (with aria-invalid on the control), so a screen reader reads the error with the field.
 */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-red-700 dark:text-red-400">
      {children}
    </p>
  );
}
