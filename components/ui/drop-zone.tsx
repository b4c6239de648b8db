"use client";
import { type DragEvent, type ReactNode, useId, useRef, useState } from "react";
import { ActionButton } from "./action-button";

/**
 * A drop target with a real file button inside (keyboard and screen-reader path). Drag-and-drop is
 * the pointer shortcut; `onFile` gets the first file dropped or picked.
 */
export function DropZone({
  accept,
  buttonLabel,
  onFile,
  describedBy,
  invalid,
  disabled,
  children,
  buttonRef,
  name,
}: {
  /** name of the hidden file input (lets tests and autofill address it) */
  name?: string;
  accept: string;
  buttonLabel: string;
  onFile: (file: File) => void;
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
  children?: ReactNode;
  buttonRef?: (el: HTMLButtonElement | null) => void;
}) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  function hasFiles(e: DragEvent) {
    return Array.from(e.dataTransfer.types).includes("Files");
  }
  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }
  return (
    <div
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={onDrop}
      data-drag-over={over || undefined}
      className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed p-4 text-center transition-colors ${
        over
          ? "border-indigo-600 bg-indigo-50 dark:border-indigo-300 dark:bg-indigo-950"
          : invalid
            ? "border-red-600 dark:border-red-400"
            : "border-zinc-400 dark:border-zinc-600"
      }`}
    >
      {children}
      <input
        ref={input}
        id={inputId}
        name={name}
        type="file"
        accept={accept}
        tabIndex={-1}
        aria-hidden="true"
        className="hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
      <ActionButton
        ref={buttonRef}
        type="button"
        disabled={disabled}
        aria-describedby={describedBy}
        onClick={() => input.current?.click()}
        className="rounded-md border border-zinc-400 bg-white px-3 py-1.5 text-sm font-semibold text-zinc-900 hover:bg-zinc-100 disabled:cursor-not-allowed dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        {buttonLabel}
      </ActionButton>
    </div>
  );
}
