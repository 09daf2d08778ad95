// What a moderator types into the subscribe box is often a bare host ("blog.example.com/feed"):
// that is tried as https first and, when https cannot be reached at all, as http.

/** A scheme is letters before a colon that is not a port ("localhost:8080/feed" has none). */
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/** The addresses to try for what was typed, in order: itself when it names a scheme, else https then http. */
export function addressesToTry(typed: string): string[] {
  const address = typed.trim();
  if (SCHEME.test(address)) return [address];
  const bare = address.replace(/^\/\//, '');
  return [`https://${bare}`, `http://${bare}`];
}

/** Failures that say the https address could not be reached, where http may still answer; a reply of any kind is the site's answer. */
export function unreachable(category: string): boolean {
  return category === 'network' || category === 'timeout';
}
