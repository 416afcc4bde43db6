// How a finished run is judged: the suite's exit code, where the extension
// ran (seen from outside, in the remote Node host's log), and whether the
// workbench logged errors that name the extension.

import fs from 'node:fs';
import { shown } from './log.mjs';
import { activatedInRemoteHost, remoteHostErrors } from './webSuite.mjs';
import { namesExtension } from './workbench.mjs';

/** 0 when the suite passed, the extension ran in the host asked for and named in no error; else 1. */
export function verdict({ code, options, userDataDir, extensionId, extensionErrors, log }) {
  log(`tests finished with exit code ${code}`);
  if (!fs.existsSync(options.reportFile)) log(`warning: no report in ${shown(options.reportFile)}`);
  let ok = code === 0;
  const inRemote = activatedInRemoteHost(userDataDir, extensionId);
  if (inRemote === undefined) {
    log('ERROR: no remote extension host log to check where the extension ran');
    ok = false;
  } else if (inRemote === options.web) {
    log(
      `ERROR: the remote (Node) extension host ${inRemote ? 'activated' : 'did not activate'} ${extensionId}; expected it ${options.web ? 'in the web worker host only' : 'there'}`,
    );
    ok = false;
  } else {
    log(
      options.web
        ? `the remote (Node) extension host's log has no activation of ${extensionId}: it ran in the web worker host`
        : `the remote (Node) extension host activated ${extensionId}`,
    );
  }
  const hostErrors = remoteHostErrors(userDataDir, namesExtension(options.extPath));
  if (hostErrors.length > 0) {
    log(`ERROR: the remote (Node) extension host logged ${hostErrors.length} error(s) or warning(s) naming the extension:`);
    for (const e of hostErrors) console.log(`  ${e.split('\n').slice(0, 6).join('\n  ')}`);
    ok = false;
  }
  if (extensionErrors.length > 0) {
    log(`ERROR: the workbench logged ${extensionErrors.length} error(s) naming the extension:`);
    for (const e of extensionErrors) console.log(`  ${e.split('\n').slice(0, 6).join('\n  ')}`);
    ok = false;
  }
  return ok ? 0 : 1;
}
