#!/usr/bin/env node
// The browser tests drive Debian's chromium through playwright-core and need CJK fonts (Chinese
// pages, PDFs). On a machine without them playwright stops deep inside the suite with "executable
// doesn't exist" (issue 10 item 16); this checks first and says what to run. As root in CI
// (CI=true, as .ci/run) it installs them itself.
//
//   node tools/check-browser.mjs            CHROMIUM_PATH overrides /usr/bin/chromium
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const INSTALL = 'apt-get install -y chromium fonts-noto-cjk';
const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasExecutable() {
  try {
    accessSync(executable, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CJK fonts: fontconfig knows a Chinese font (or, without fontconfig, Debian's package is there). */
function hasCjkFonts() {
  if (process.platform !== 'linux') return true; // macOS and Windows ship CJK fonts
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    try {
      return execFileSync('dpkg-query', ['-W', '-f=${Status}', 'fonts-noto-cjk'], {
        encoding: 'utf8',
      }).includes('install ok installed');
    } catch {
      return false;
    }
  }
}

function missing() {
  return [
    ...(hasExecutable() ? [] : [`chromium (no executable at ${executable}; CHROMIUM_PATH names another)`]),
    ...(hasCjkFonts() ? [] : ['fonts-noto-cjk (no Chinese font)']),
  ];
}

let absent = missing();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (absent.length > 0 && process.env.CI === 'true' && isRoot && process.platform === 'linux') {
  console.log(`Installing what the browser tests need: ${absent.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], {
    stdio: 'inherit',
    env,
  });
  absent = missing();
}
if (absent.length > 0) {
  console.error(`The browser tests cannot run: missing ${absent.join(' and ')}.`);
  console.error(`Install them (Debian/Ubuntu, as root):\n\n  ${INSTALL}\n`);
  console.error('or point CHROMIUM_PATH at a Chromium/Chrome executable, then run npm test again.');
  process.exit(1);
}
console.log(`Browser tests: ${executable} and CJK fonts are present.`);
