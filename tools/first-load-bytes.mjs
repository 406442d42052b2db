#!/usr/bin/env node
// What the first page load costs on the wire (issue 10 item 14): opens the sign-in page of a
// running gateway in Chromium to learn every file the page loads (the page, its modules and their
// static imports), then asks the gateway for each file again as curl would, once per encoding
// (none, gzip, brotli), and prints the bytes of each answer's body and the totals.
//
//   node tools/first-load-bytes.mjs http://127.0.0.1:4000      (npm start, or any gateway)
import http from 'node:http';
import { chromium } from 'playwright-core';

const origin = process.argv[2] ?? 'http://127.0.0.1:4000';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const urls = new Set();
try {
  const page = await browser.newPage();
  page.on('request', (request) => {
    if (request.url().startsWith(origin)) urls.add(request.url());
  });
  await page.goto(`${origin}/sign-in`, { waitUntil: 'networkidle' });
} finally {
  await browser.close();
}

/** One GET with this Accept-Encoding: the body's bytes as sent, and the encoding answered. */
function get(url, encoding) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { accept: '*/*,text/html', 'accept-encoding': encoding } },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk) => (bytes += chunk.length));
        response.on('end', () =>
          resolve({ bytes, encoding: response.headers['content-encoding'] ?? 'identity' }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

const encodings = ['identity', 'gzip', 'br'];
const totals = Object.fromEntries(encodings.map((e) => [e, 0]));
const rows = [];
for (const url of [...urls].filter((u) => !u.includes('/graphql'))) {
  const sizes = [];
  for (const encoding of encodings) {
    const answer = await get(url, encoding);
    totals[encoding] += answer.bytes;
    sizes.push(`${answer.bytes}${answer.encoding === encoding ? '' : ` (${answer.encoding})`}`);
  }
  rows.push(`${sizes.map((s) => s.padStart(18)).join('')}  ${new URL(url).pathname}`);
}
console.log(`${encodings.map((e) => e.padStart(18)).join('')}  file`);
console.log(rows.join('\n'));
console.log(
  `${encodings.map((e) => String(totals[e]).padStart(18)).join('')}  total of ${rows.length} files`,
);
