#!/usr/bin/env node
// The official Node server library (`pusher` 5.3.4) as an oracle for the Java differential tests.
//
// Reads one JSON case per line on stdin and writes one JSON result per line on stdout, in order.
// Every answer comes from the library's own code paths (or tweetnacl, which it uses for
// secretbox); nothing here re-implements a signature or a cipher.
//
// Cases ("kind" selects):
//   sign         {key, secret, method, path, params, body|null, timestamp}
//                -> {query, signature, bodyMd5}   via pusher.createSignedQueryString, clock pinned to timestamp
//   channelAuth  {key, secret, masterKeyBase64?, socketId, channel, channelDataJson?}
//                -> the object authorizeChannel returns for JSON.parse(channelDataJson), or {error}
//   userAuth     {key, secret, socketId, userDataJson}
//                -> the object authenticateUser returns for JSON.parse(userDataJson), or {error}
//   (The data arrives as JSON text so that the library re-serializes exactly what we signed;
//   when its JSON.stringify writes that text differently, the Java side compares signatures
//   over the library's text.)
//   webhook      {key, secret, headers:{lower-case names}, body}
//                -> {valid, events (when valid)}
//   open         {masterKeyBase64, channel, nonce, ciphertext}  (base64, our envelope)
//                -> {plaintext: base64|null, sharedSecret: base64}
//   encrypt      {masterKeyBase64, channel, event, data}
//                -> {envelope: <data string the library would send>, plaintext: <the JSON text it encrypted>}
'use strict';

const readline = require('readline');
const Pusher = require('pusher');
const nacl = require('tweetnacl');

const APP_ID = 'interop';

function client(c) {
  const options = { appId: APP_ID, key: c.key, secret: c.secret, host: '127.0.0.1' };
  if (c.masterKeyBase64 !== undefined && c.masterKeyBase64 !== null) {
    options.encryptionMasterKeyBase64 = c.masterKeyBase64;
  }
  return new Pusher(options);
}

function param(query, name) {
  const match = query.split('&').find(pair => pair.startsWith(name + '='));
  return match === undefined ? null : match.substring(name.length + 1);
}

function sign(c) {
  const realNow = Date.now;
  Date.now = () => c.timestamp * 1000;
  try {
    const request = { method: c.method, path: c.path, params: c.params || {} };
    if (c.body !== null && c.body !== undefined) {
      request.body = c.body;
    }
    const query = client(c).createSignedQueryString(request);
    // auth_signature is appended last, after every other parameter.
    const signature = query.substring(query.lastIndexOf('&auth_signature=') + '&auth_signature='.length);
    return { query, signature, bodyMd5: param(query, 'body_md5') };
  } finally {
    Date.now = realNow;
  }
}

function channelAuth(c) {
  try {
    const data = c.channelDataJson === undefined ? undefined : JSON.parse(c.channelDataJson);
    return client(c).authorizeChannel(c.socketId, c.channel, data);
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

function userAuth(c) {
  try {
    return client(c).authenticateUser(c.socketId, JSON.parse(c.userDataJson));
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

function webhook(c) {
  const hook = client(c).webhook({ headers: c.headers, rawBody: c.body });
  let valid;
  try {
    valid = hook.isValid();
  } catch (error) {
    // 5.3.4 throws (TypeError in secureCompare) when X-Pusher-Signature is missing but the key
    // matches; a webhook it throws on is one it does not accept.
    return { valid: false, threw: String(error.message || error) };
  }
  return valid ? { valid, events: hook.getEvents() } : { valid };
}

function open(c) {
  const sharedSecret = client(c).channelSharedSecret(c.channel);
  const plaintext = nacl.secretbox.open(
    new Uint8Array(Buffer.from(c.ciphertext, 'base64')),
    new Uint8Array(Buffer.from(c.nonce, 'base64')),
    new Uint8Array(sharedSecret));
  return {
    plaintext: plaintext === null ? null : Buffer.from(plaintext).toString('base64'),
    sharedSecret: Buffer.from(sharedSecret).toString('base64'),
  };
}

async function encrypt(c) {
  const pusher = client(c);
  let sent = null;
  // Capture the request the library would send instead of sending it: the envelope is built by
  // the library's own trigger path (events.js encrypt), which it does not export.
  pusher.post = options => {
    sent = options.body;
    return Promise.resolve(null);
  };
  await pusher.trigger(c.channel, c.event, c.data);
  return { envelope: sent.data, plaintext: JSON.stringify(c.data) };
}

const handlers = { sign, channelAuth, userAuth, webhook, open, encrypt };

async function answer(line) {
  const c = JSON.parse(line);
  const handler = handlers[c.kind];
  if (!handler) {
    return { error: 'unknown kind ' + c.kind };
  }
  return handler(c);
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', line => {
  if (!line.trim()) return;
  // Answers keep the order of the cases, even though encrypt is asynchronous.
  queue = queue
    .then(() => answer(line))
    .catch(error => ({ error: 'oracle failed: ' + String(error && error.stack || error) }))
    .then(result => process.stdout.write(JSON.stringify(result) + '\n'));
});
lines.on('close', () => {
  queue.then(() => process.exit(0));
});
