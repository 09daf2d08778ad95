// The console's Content-Security-Policy: no inline or remote script, no plugins, no framing, no
// form posts. Comment images may come from the web (http/https), nothing else may.
// One string, used by the renderer's <meta> tag (injected at build), the Electron session and the
// browser-mode bridge.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https: http:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');
