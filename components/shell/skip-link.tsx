/** "Skip to content": the first thing keyboard users reach, visible only while focused; jumps to #main. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-indigo-700 focus:px-3 focus:py-2 focus:text-white"
    >
      {label}
    </a>
  );
}
