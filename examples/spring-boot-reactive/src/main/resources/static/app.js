// The whole client side: pusher-js subscribed to two channels, authorized by the app's own
// /pusher/auth (the starter's WebFlux endpoint, answered by @ChannelAuthorization rules).
(async () => {
  const me = await (await fetch('/api/me')).json();
  document.getElementById('me').textContent = me.name;

  // pusher-js posts the auth requests itself: it sends Spring Security's CSRF token as a header.
  const csrf = { [me.csrfHeader]: me.csrfToken };
  // Pusher itself by its cluster; a local or self-hosted server (channels4j serve, soketi) by host.
  const server = me.cluster
    ? { cluster: me.cluster, forceTLS: true }
    : { wsHost: me.wsHost, wsPort: me.wsPort, wssPort: me.wsPort, forceTLS: me.forceTLS,
        enabledTransports: ['ws', 'wss'], disableStats: true, cluster: 'local' };
  const pusher = new Pusher(me.key, {
    ...server,
    channelAuthorization: { endpoint: '/pusher/auth', transport: 'ajax', headers: csrf },
    userAuthentication: { endpoint: '/pusher/user-auth', transport: 'ajax', headers: csrf },
  });
  window.pusher = pusher;
  pusher.connection.bind('state_change', s => {
    document.getElementById('connection').textContent = s.current;
  });

  const ready = name => { document.body.dataset[name] = 'subscribed'; };
  const item = (list, text, id) => {
    const li = document.createElement('li');
    li.textContent = text;
    if (id) li.id = id;
    document.getElementById(list).appendChild(li);
  };

  // My orders: the ones there already, then each new one live.
  const showOrder = o => {
    if (!document.getElementById('order-' + o.id)) item('orders', '#' + o.id + ' ' + o.item, 'order-' + o.id);
  };
  const orders = pusher.subscribe('private-orders.' + me.name);
  orders.bind('order-created', showOrder);
  orders.bind('pusher:subscription_succeeded', async () => {
    (await (await fetch('/api/orders')).json()).forEach(showOrder);
    ready('orders');
  });

  // Who is online.
  const online = pusher.subscribe('presence-online');
  const showMembers = () => {
    document.getElementById('online').replaceChildren();
    online.members.each(m => item('online', m.info.name, 'online-' + m.id));
  };
  online.bind('pusher:subscription_succeeded', () => { showMembers(); ready('online'); });
  online.bind('pusher:member_added', showMembers);
  online.bind('pusher:member_removed', showMembers);

  // A JSON POST of the app's own: the same CSRF header.
  document.getElementById('new-order').addEventListener('submit', async e => {
    e.preventDefault();
    const input = document.getElementById('item');
    await fetch('/api/orders', {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...csrf },
      body: JSON.stringify({ item: input.value }),
    });
    input.value = '';
  });

  // For trying what the server allows: resolves "ok" or "error:<status>".
  window.trySubscribe = name => new Promise(resolve => {
    const channel = pusher.subscribe(name);
    channel.bind('pusher:subscription_succeeded', () => resolve('ok'));
    channel.bind('pusher:subscription_error', e => resolve('error:' + e.status));
  });
})();
