'use client';

import { useState } from 'react';

type Props = {
  /** What the file is, shown above the control (e.g. 配置包文件（JSON）). */
  label: string;
  accept: string;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
  /** The chosen file, or null when the choice was cleared. */
  onFile?: (file: File | null) => void;
};

/**
 * A file picker in Chinese: the browser's own control names itself in the browser's language ("Choose File", "No file
 * chosen"), so the native input is kept for the keyboard, screen readers and form submission but drawn as a 选择文件
 * button with the chosen file's name beside it.
 */
export function FileInput({ label, accept, name, required, disabled, testId, onFile }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <label className="file-input">
      {label}
      <span className="file-input-row">
        <input
          className="sr-only"
          type="file"
          name={name}
          accept={accept}
          required={required}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            setChosen(file?.name ?? null);
            onFile?.(file);
          }}
        />
        <span className="file-input-button" aria-hidden="true">
          选择文件
        </span>
        <span className="file-input-name" aria-hidden="true">
          {chosen ?? '未选择文件'}
        </span>
      </span>
    </label>
  );
}
