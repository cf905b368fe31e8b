#!/usr/bin/env node
// Drives pusher-js 8.6.0 (the official client, Node build) for the Java interop tests.
//
// Reads one JSON command per line on stdin and writes one JSON object per line on stdout for
// everything the clients observe. Each command names the client it is for ("client": "alice"),
// so one process holds several connections. Exits when stdin closes.
//
// Commands
//   {"op":"connect","client":"a","key":"app-key","host":"127.0.0.1","port":6001,
//    "authEndpoint":"http://127.0.0.1:1234/pusher/auth","userAuthEndpoint":"http://.../pusher/user-auth"}
//   (add "tls":true for wss://)
//   {"op":"subscribe","client":"a","channel":"presence-room"}
//   {"op":"unsubscribe","client":"a","channel":"presence-room"}
//   {"op":"signin","client":"a"}
//   {"op":"trigger","client":"a","channel":"private-x","event":"client-e","data":{...}}   (a client event)
//   {"op":"disconnect","client":"a"}
//
// Output (always with "client"):
//   {"type":"state","previous":"connecting","current":"connected","socketId":"123.456"}
//   {"type":"event","channel":"c","event":"e","data":<as pusher-js delivers it>,"userId":..}
//   {"type":"subscribed","channel":"c","members":[{"id":"1","info":{}}],"me":{"id":..}}  (members: presence only)
//   {"type":"subscription_error","channel":"c","error":{...}}
//   {"type":"member_added"|"member_removed","channel":"c","member":{"id":..,"info":..}}
//   {"type":"signed_in","userData":{...}}          (pusher:signin_success seen)
//   {"type":"user_ready","channel":"#server-to-user-<id>"}  (the server-to-user channel is subscribed)
//   {"type":"user_event","event":"e","data":...}  (sendToUser deliveries, via pusher.user)
//   {"type":"signin_error","error":{...}}
//   {"type":"pusher_error","data":{...}}           (a pusher:error message from the server)
//   {"type":"error","message":"..."}               (a command this driver could not run)
'use strict';

const readline = require('readline');
const Pusher = require('pusher-js');

const clients = new Map();

function emit(object) {
  process.stdout.write(JSON.stringify(object) + '\n');
}

Pusher.log = message => process.stderr.write('[pusher-js] ' + message + '\n');

function membersOf(channel) {
  const members = [];
  channel.members.each(member => members.push({ id: member.id, info: member.info === undefined ? null : member.info }));
  return members;
}

function connect(command) {
  const name = command.client;
  if (clients.has(name)) {
    throw new Error('client ' + name + ' already exists');
  }
  const pusher = new Pusher(command.key, {
    cluster: 'mt1', // required by pusher-js 8 but unused: wsHost/wsPort win
    wsHost: command.host,
    wsPort: command.port,
    wssPort: command.port,
    // "tls": true connects over wss://, trusting what Node trusts (NODE_EXTRA_CA_CERTS for a test CA).
    forceTLS: command.tls === true,
    enabledTransports: command.tls === true ? ['ws', 'wss'] : ['ws'],
    enableStats: false,
    channelAuthorization: { endpoint: command.authEndpoint, transport: 'ajax' },
    userAuthentication: { endpoint: command.userAuthEndpoint, transport: 'ajax' },
  });
  clients.set(name, pusher);

  pusher.connection.bind('state_change', states => {
    emit({
      client: name, type: 'state', previous: states.previous, current: states.current,
      socketId: pusher.connection.socket_id || null,
    });
  });
  pusher.connection.bind('message', message => {
    if (message.event === 'pusher:error') {
      emit({ client: name, type: 'pusher_error', data: message.data === undefined ? null : message.data });
    } else if (message.event === 'pusher:signin_success') {
      let userData = null;
      try { userData = JSON.parse(message.data.user_data); } catch (e) { userData = message.data.user_data; }
      emit({ client: name, type: 'signed_in', userData });
    } else if (message.event === 'pusher_internal:subscription_succeeded'
        && typeof message.channel === 'string' && message.channel.startsWith('#server-to-user-')) {
      emit({ client: name, type: 'user_ready', channel: message.channel });
    }
  });
  pusher.user.bind_global((event, data) => {
    if (event === 'pusher:signin_error') {
      emit({ client: name, type: 'signin_error', error: data });
    } else {
      emit({ client: name, type: 'user_event', event, data: data === undefined ? null : data });
    }
  });
}

function subscribe(command) {
  const pusher = client(command);
  const channel = pusher.subscribe(command.channel);
  channel.bind_global((event, data) => {
    const base = { client: command.client, channel: command.channel };
    if (event === 'pusher:subscription_succeeded') {
      const out = { ...base, type: 'subscribed' };
      if (command.channel.startsWith('presence-')) {
        out.members = membersOf(channel);
        out.me = channel.members.me;
      }
      emit(out);
    } else if (event === 'pusher:subscription_error') {
      emit({ ...base, type: 'subscription_error', error: data === undefined ? null : data });
    } else if (event === 'pusher:member_added' || event === 'pusher:member_removed') {
      emit({ ...base, type: event.substring('pusher:'.length), member: { id: data.id, info: data.info === undefined ? null : data.info } });
    } else if (!event.startsWith('pusher:') && !event.startsWith('pusher_internal:')) {
      // user_id travels in the metadata argument, which bind_global does not pass on.
      emit({ ...base, type: 'event', event, data: data === undefined ? null : data });
    }
  });
}

function client(command) {
  const pusher = clients.get(command.client);
  if (!pusher) {
    throw new Error('no client named ' + command.client + '; connect it first');
  }
  return pusher;
}

function run(command) {
  switch (command.op) {
    case 'connect': return connect(command);
    case 'subscribe': return subscribe(command);
    case 'unsubscribe': return client(command).unsubscribe(command.channel);
    case 'signin': return client(command).signin();
    case 'trigger': {
      if (!client(command).channel(command.channel).trigger(command.event, command.data)) {
        throw new Error('pusher-js refused to send ' + command.event + ' on ' + command.channel);
      }
      return undefined;
    }
    case 'disconnect': {
      client(command).disconnect();
      clients.delete(command.client);
      return undefined;
    }
    default: throw new Error('unknown op ' + command.op);
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', line => {
  if (!line.trim()) return;
  let command;
  try {
    command = JSON.parse(line);
    run(command);
  } catch (error) {
    emit({ client: command ? command.client : null, type: 'error', message: String(error && error.message || error) });
  }
});
lines.on('close', () => {
  for (const pusher of clients.values()) {
    pusher.disconnect();
  }
  setTimeout(() => process.exit(0), 100).unref();
});
emit({ type: 'ready' });
