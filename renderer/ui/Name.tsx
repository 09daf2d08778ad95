// A name or title from a feed (an author, a member, a feed, a thread) shown inline beside other
// text. Feeds can put bidi controls in one (U+202E and its kin reorder the text around them:
// "Official support" spoofing), and a right-to-left name alone also reorders its neighbours, so
// every such name is shown in <bdi>, which isolates it (unicode-bidi: isolate). Stored text keeps
// the controls, which right-to-left writing uses; the CLI drops them (common/escape.ts terminalText).

/** `text` isolated from the text around it; `fallback` when it is empty. */
export function Name({ text, fallback = '' }: { text: string | null | undefined; fallback?: string }) {
  return <bdi>{text || fallback}</bdi>;
}

/** Names joined by ", ", each isolated. */
export function NameList({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name, index) => (
        <span key={index}>
          {index > 0 && ', '}
          <Name text={name} />
        </span>
      ))}
    </>
  );
}
