#!/usr/bin/env node
// Starts soketi 1.6.1 on 127.0.0.1 with an ephemeral port and prints one JSON line
//   {"ready":true,"port":<websocket+http port>}
// on stdout once it listens. It stops (and the process exits) when stdin closes, so a test that
// dies cannot leave soketi running.
//
// Usage: node soketi.js '<json object of soketi dotted options>'
//   e.g. '{"appManager.array.apps.0.enableUserAuthentication":true}'
//
// Why not `soketi start`: the CLI needs fixed ports (6001, metrics 9601) and UDP discovery on
// 11002 with broadcast to 255.255.255.255; tests run in parallel on a shared machine, so every
// port here is ephemeral and every socket stays on loopback.
'use strict';

const dgram = require('dgram');
const uWS = require('uWebSockets.js');
const { Server } = require('@soketi/soketi');

function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const port = socket.address().port;
      socket.close(() => resolve(port));
    });
  });
}

async function main() {
  const extra = process.argv[2] ? JSON.parse(process.argv[2]) : {};
  const options = {
    host: '127.0.0.1',
    port: 0,
    'metrics.enabled': false,
    'metrics.host': '127.0.0.1',
    'metrics.port': 0,
    'cluster.hostname': '127.0.0.1',
    'cluster.address': '127.0.0.1', // node-discover's bind address (0.0.0.0 by default)
    'cluster.broadcast': '127.255.255.255',
    'cluster.port': await freeUdpPort(),
    shutdownGracePeriod: 0,
    ...extra,
  };
  const server = new Server(options);
  server.start(() => {
    const port = uWS.us_socket_local_port(server.serverProcess);
    process.stdout.write(JSON.stringify({ ready: true, port }) + '\n');
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const exit = () => process.exit(0);
    setTimeout(exit, 2000).unref();
    server.stop().then(exit, exit);
  };
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
