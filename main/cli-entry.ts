// Entry of the bundled `switchboard` command (out/main/cli.js), loaded by bin/switchboard.cjs.
import { runCli } from './doors/cli/program';
import { launchHooks } from './doors/launch';

export { prepareNative } from './platform/prepare-native';

export function main(argv: readonly string[]): void {
  void runCli(argv, launchHooks).then((code) => {
    process.exitCode = code;
  });
}
