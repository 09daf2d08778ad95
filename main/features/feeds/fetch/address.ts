// The fetcher refuses a redirect that starts on the public internet and ends on the moderator's
// own machine or LAN. The classification itself is pure and shared with the sanitizer, so it
// lives in common/ip-address.ts; this module keeps the fetcher's import path.
export { classifyAddress } from '../../../../common/ip-address';
