#!/usr/bin/env node
// A static server for checking the built front ends locally, following shell/README.md exactly
// (the gateway does this for real). Build first: npx nx run-many -t build -p web-kit shell unit-audit
//
//   node shell/scripts/preview.mjs            http://127.0.0.1:4300
//   PORT=5000 GRAPHQL_UPSTREAM=http://127.0.0.1:4000 node shell/scripts/preview.mjs
//
// With GRAPHQL_UPSTREAM, /graphql (HTTP and WebSocket) is passed through to that server.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { renderIndexHtml, staticRoots } from '../build/import-map.mjs';

const workspaceRoot = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 4300);
const host = process.env.HOST ?? '127.0.0.1';
const upstream = process.env.GRAPHQL_UPSTREAM ? new URL(process.env.GRAPHQL_UPSTREAM) : null;

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

function sendFile(res, file) {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  // Hashed bundle files never change; manifests and index.html always may.
  const immutable = /-[A-Za-z0-9_-]{8}\.js(\.map)?$/.test(file);
  res.writeHead(200, {
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

function staticFile(pathname) {
  for (const { prefix, dir } of staticRoots(workspaceRoot)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(dir + sep)) return null; // no ../ escapes
    try {
      return statSync(file).isFile() ? file : null;
    } catch {
      return null;
    }
  }
  return null;
}

async function proxyGraphQL(req, res) {
  if (!upstream) {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        errors: [
          { message: '预览服务器未配置 GRAPHQL_UPSTREAM', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      }),
    );
    return;
  }
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = { ...req.headers, host: upstream.host };
  const response = await fetch(new URL('/graphql', upstream), {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
  });
  const out = {};
  response.headers.forEach((value, key) => {
    if (key !== 'content-encoding' && key !== 'content-length' && key !== 'set-cookie') out[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://preview');
  if (pathname === '/graphql') {
    proxyGraphQL(req, res).catch((error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    return;
  }
  const file = staticFile(pathname);
  if (file) return sendFile(res, file);
  const isBundlePath = ['/vendor/', '/shell/', '/web-kit/', '/apps/'].some((p) => pathname.startsWith(p));
  const wantsPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
  if (isBundlePath || !wantsPage) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
    return;
  }
  // Every other path is a page of the single-page app: index.html with the merged import map.
  let html;
  try {
    html = renderIndexHtml(workspaceRoot);
  } catch (error) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Front end not built (${error.message})`);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
  res.end(html);
});

// WebSocket upgrades on /graphql go straight through to the upstream (subscriptions).
server.on('upgrade', (req, socket, head) => {
  if (!upstream || !req.url?.startsWith('/graphql')) return socket.destroy();
  const target = connect(Number(upstream.port || 80), upstream.hostname, () => {
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i];
      lines.push(`${name}: ${name.toLowerCase() === 'host' ? upstream.host : req.rawHeaders[i + 1]}`);
    }
    target.write(`${lines.join('\r\n')}\r\n\r\n`);
    target.write(head);
    target.pipe(socket).pipe(target);
  });
  target.on('error', () => socket.destroy());
  socket.on('error', () => target.destroy());
});

server.listen(port, host, () => {
  console.log(
    `zhicheng preview on http://${host}:${port}${upstream ? ` (GraphQL -> ${upstream.origin})` : ''}`,
  );
});
