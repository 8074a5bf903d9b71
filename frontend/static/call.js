// The video call page: a device check, then the WebRTC call: one-to-one, or a group session where every
// browser connects to every other (a mesh). Signalling goes through Askel's WebSocket
// (/calls/{id}/signal); media goes directly between the browsers (or through the provider's TURN
// server), never through Askel.
(function () {
  'use strict';
  var root = document.getElementById('call');
  if (!root) {
    return;
  }
  var T = root.dataset;
  var appointmentId = root.dataset.appointment;
  var peerName = root.dataset.peer;
  var $ = function (id) { return document.getElementById(id); };

  var localStream = null;
  var settings = null;
  var ws = null;
  var myId = null;
  var myRole = null;
  var group = false;
  // Everyone else in the call, by user id: {id, name, role, pc, pending, tile, video, caption}.
  var peers = new Map();
  var inCall = false;
  var ended = false;
  var reconnectDelay = 1000;
  var audioContext = null;
  var muted = false;
  var cameraOff = false;
  // The browser says it has no network: the call cannot be working whatever the connections say.
  var offline = false;

  function text(key, name) {
    return (T[key] || '').replace('{name}', name === undefined ? peerName : name);
  }

  // ---- Device check ---------------------------------------------------------------------

  function constraints() {
    var cam = $('camera-select').value;
    var mic = $('mic-select').value;
    return {
      video: cam ? { deviceId: { exact: cam } } : true,
      audio: mic ? { deviceId: { exact: mic } } : true
    };
  }

  function deviceStatus(message) {
    $('device-status').textContent = message;
  }

  function startDevices() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.RTCPeerConnection) {
      deviceStatus(text('tDevicesUnsupported'));
      return Promise.resolve(false);
    }
    deviceStatus(text('tDevicesStarting'));
    $('devices-denied').hidden = true;
    return navigator.mediaDevices.getUserMedia(constraints()).then(function (stream) {
      useStream(stream);
      deviceStatus(text('tDevicesOk'));
      $('device-check').hidden = false;
      return listDevices().then(function () { return true; });
    }).catch(function (e) {
      if (e.name === 'NotAllowedError' || e.name === 'SecurityError') {
        deviceStatus('');
        $('devices-denied').hidden = false;
        $('retry-devices').focus();
      } else if (e.name === 'NotFoundError' || e.name === 'OverconstrainedError') {
        deviceStatus(text('tDevicesNotfound'));
      } else {
        deviceStatus(text('tDevicesBusy'));
      }
      return false;
    });
  }

  function useStream(stream) {
    if (localStream) {
      localStream.getTracks().forEach(function (t) { t.stop(); });
    }
    localStream = stream;
    stream.getAudioTracks().forEach(function (t) { t.enabled = !muted; });
    stream.getVideoTracks().forEach(function (t) { t.enabled = !cameraOff; });
    $('preview').srcObject = stream;
    $('local-video').srcObject = stream;
    levelMeter(stream);
    peers.forEach(function (peer) {
      peer.pc.getSenders().forEach(function (sender) {
        if (!sender.track) {
          return;
        }
        var replacement = stream.getTracks().filter(function (t) { return t.kind === sender.track.kind; })[0];
        if (replacement) {
          sender.replaceTrack(replacement);
        }
      });
    });
  }

  function levelMeter(stream) {
    var AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!AudioContextClass || stream.getAudioTracks().length === 0) {
      return;
    }
    if (audioContext) {
      audioContext.close();
    }
    audioContext = new AudioContextClass();
    var analyser = audioContext.createAnalyser();
    analyser.fftSize = 512;
    audioContext.createMediaStreamSource(stream).connect(analyser);
    var data = new Uint8Array(analyser.fftSize);
    var meter = $('mic-level');
    var context = audioContext;
    (function tick() {
      if (context.state === 'closed') {
        return;
      }
      analyser.getByteTimeDomainData(data);
      var peak = 0;
      for (var i = 0; i < data.length; i++) {
        peak = Math.max(peak, Math.abs(data[i] - 128));
      }
      var level = Math.min(100, Math.round(peak / 128 * 200));
      meter.value = level;
      meter.textContent = level;
      setTimeout(tick, 100);
    })();
  }

  function listDevices() {
    return navigator.mediaDevices.enumerateDevices().then(function (devices) {
      fill($('camera-select'), devices, 'videoinput', localStream.getVideoTracks()[0]);
      fill($('mic-select'), devices, 'audioinput', localStream.getAudioTracks()[0]);
    });
  }

  function fill(select, devices, kind, track) {
    var current = track && track.getSettings ? track.getSettings().deviceId : '';
    select.innerHTML = '';
    devices.filter(function (d) { return d.kind === kind; }).forEach(function (d, i) {
      var option = document.createElement('option');
      option.value = d.deviceId;
      option.textContent = d.label || (kind + ' ' + (i + 1));
      option.selected = d.deviceId === current;
      select.appendChild(option);
    });
  }

  $('start-devices').addEventListener('click', startDevices);
  $('retry-devices').addEventListener('click', startDevices);
  $('camera-select').addEventListener('change', startDevices);
  $('mic-select').addEventListener('change', startDevices);

  // ---- Joining --------------------------------------------------------------------------

  var joinButton = $('join');
  if (joinButton) {
    joinButton.addEventListener('click', function () {
      joinButton.disabled = true;
      var ready = localStream ? Promise.resolve(true) : startDevices();
      ready.then(function (ok) {
        if (!ok) {
          joinButton.disabled = false;
          return null;
        }
        return fetch('/api/v1/appointments/' + appointmentId + '/call', {
          headers: { Accept: 'application/json' }, credentials: 'same-origin'
        }).then(function (res) {
          return res.json().then(function (body) {
            if (!res.ok) {
              showJoinProblem(body.detail || body.title);
              joinButton.disabled = false;
              return;
            }
            settings = body;
            enterCall();
          });
        });
      }).catch(function () {
        showJoinProblem(text('tReconnecting'));
        joinButton.disabled = false;
      });
    });
  }

  function showJoinProblem(message) {
    var p = $('join-problem');
    p.textContent = message;
    p.hidden = false;
  }

  function enterCall() {
    inCall = true;
    $('check').hidden = true;
    $('private').hidden = true;
    $('join-step').hidden = true;
    $('in-call').hidden = false;
    $('in-call-title').setAttribute('tabindex', '-1');
    $('in-call-title').focus();
    setState('connecting');
    connectSignal();
  }

  // ---- Signalling -----------------------------------------------------------------------

  function connectSignal() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    ws = new WebSocket(scheme + location.host + settings.signalPath);
    ws.onopen = function () { reconnectDelay = 1000; };
    ws.onmessage = function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handle(message);
    };
    ws.onclose = function (event) {
      if (ended) {
        return;
      }
      if (event.code === 4401 || event.code === 4403 || event.code === 4404 || event.code === 4409) {
        return; // the refusal or replacement message already said why
      }
      setState('reconnecting');
      setTimeout(connectSignal, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, 15000);
    };
  }

  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify(message));
    }
  }

  // In each pair one browser offers and the other answers, so the two never offer at once: the
  // specialist offers to clients; between two clients of a group session the one with the smaller id.
  function iOffer(peer) {
    return myRole === 'SPECIALIST' || (peer.role !== 'SPECIALIST' && myId < peer.id);
  }

  function handle(m) {
    if (ended) {
      return;
    }
    var peer;
    switch (m.type) {
      case 'welcome':
        myId = m.id;
        myRole = m.role;
        group = m.group;
        if (m.peerName) {
          peerName = m.peerName;
        }
        Array.from(peers.keys()).forEach(removePeer);
        (m.peers || []).forEach(function (p) { startPeer(p); });
        updateState();
        sendMediaState();
        break;
      case 'peer-joined':
        announce(text('tPeerJoined', m.name));
        startPeer(m);
        updateState();
        sendMediaState();
        break;
      case 'offer':
        peer = peers.get(m.fromId) || addPeer({ id: m.fromId, name: m.fromName, role: m.from });
        peer.pc.setRemoteDescription(m.sdp).then(function () {
          flushCandidates(peer);
          return peer.pc.createAnswer();
        }).then(function (answer) {
          return peer.pc.setLocalDescription(answer);
        }).then(function () {
          send({ type: 'answer', to: peer.id, sdp: peer.pc.localDescription });
          negotiated(peer);
        }).catch(showProblem);
        break;
      case 'answer':
        peer = peers.get(m.fromId);
        // An answer to an offer given up on (see offer) has nothing left to answer.
        if (peer && peer.pc.signalingState === 'have-local-offer') {
          var restartAnswered = !!(peer.offering && peer.offering.iceRestart);
          peer.pc.setRemoteDescription(m.sdp).then(function () {
            flushCandidates(peer);
            if (restartAnswered) {
              negotiated(peer);
            }
            answered(peer);
          }).catch(function () {
            answered(peer);
            showProblem();
          });
        }
        break;
      case 'candidate':
        peer = peers.get(m.fromId);
        if (peer && peer.pc.remoteDescription) {
          peer.pc.addIceCandidate(m.candidate).catch(function () { /* a stale candidate after a restart */ });
        } else if (peer) {
          peer.pending.push(m.candidate);
        }
        break;
      case 'restart':
        peer = peers.get(m.fromId);
        if (peer && iOffer(peer)) {
          offer(peer, true);
        }
        break;
      case 'media':
        showPeerMedia(m.fromId, m.fromName, m.audio !== false, m.video !== false);
        break;
      case 'chat':
        addChat(m.fromName || peerName, m.text);
        break;
      case 'bye':
        if (!group || m.from === 'SPECIALIST') {
          finish(text('tPeerBye', m.fromName));
        } else {
          removePeer(m.fromId);
          announce(text('tPeerLeftGroup', m.fromName));
          updateState();
        }
        break;
      case 'peer-left':
        removePeer(m.id);
        announce(text(group ? 'tPeerLeftGroup' : 'tPeerLeft', m.name));
        if (peers.size === 0) {
          setState(group ? 'waiting' : 'lost');
        } else {
          updateState();
        }
        break;
      case 'refused':
        ended = true;
        $('in-call').hidden = true;
        $('join-step').hidden = false;
        showJoinProblem(m.message);
        break;
      case 'replaced':
        finish(text('tReplaced'));
        break;
      case 'ended':
        finish(text('tEnded'));
        break;
      case 'signed-out':
        finish(text('tSignedOut'));
        break;
      case 'error':
        if (m.reason === 'peer-absent') {
          addChat('', text('tChatAbsent'));
        }
        break;
      default:
        break;
    }
  }

  // ---- The peer connections -------------------------------------------------------------

  function startPeer(p) {
    var peer = addPeer(p);
    if (iOffer(peer)) {
      offer(peer, false);
    }
  }

  function addPeer(p) {
    removePeer(p.id);
    var peer = { id: p.id, name: p.name, role: p.role, pending: [] };
    peer.tile = document.createElement('figure');
    peer.tile.className = 'remote-tile';
    peer.video = document.createElement('video');
    peer.video.className = 'remote-video';
    peer.video.autoplay = true;
    peer.video.playsInline = true;
    peer.video.setAttribute('aria-label', text('tRemoteVideo', p.name));
    peer.caption = document.createElement('figcaption');
    peer.caption.textContent = p.name;
    peer.tile.appendChild(peer.video);
    peer.tile.appendChild(peer.caption);
    $('remote-videos').appendChild(peer.tile);
    var pc = new RTCPeerConnection({ iceServers: settings.iceServers || [] });
    peer.pc = pc;
    localStream.getTracks().forEach(function (track) { pc.addTrack(track, localStream); });
    pc.ontrack = function (event) {
      peer.video.srcObject = event.streams[0];
    };
    pc.onicecandidate = function (event) {
      if (event.candidate) {
        send({ type: 'candidate', to: peer.id, candidate: event.candidate });
      }
    };
    pc.onconnectionstatechange = function () {
      clearTimeout(peer.disconnectTimer);
      if (pc.connectionState === 'disconnected') {
        // Often a short network change; restart ICE if it does not come back on its own.
        peer.disconnectTimer = setTimeout(function () { restartIce(peer); }, 3000);
      } else if (pc.connectionState === 'failed') {
        restartIce(peer);
        $('call-problem').hidden = false;
      } else if (pc.connectionState === 'connected') {
        $('call-problem').hidden = true;
        if (peer.restarting === 'negotiated') {
          peer.restarting = null;
        }
      }
      updateState();
    };
    peers.set(peer.id, peer);
    return peer;
  }

  function removePeer(id) {
    var peer = peers.get(id);
    if (!peer) {
      return;
    }
    clearTimeout(peer.disconnectTimer);
    clearTimeout(peer.offerTimer);
    peer.pc.ontrack = null;
    peer.pc.onicecandidate = null;
    peer.pc.onconnectionstatechange = null;
    peer.pc.close();
    peer.video.srcObject = null;
    peer.tile.remove();
    peers.delete(id);
  }

  // One offer at a time per pair. When both browsers notice a network change at once, the offering side
  // restarts on its own and is asked to by the other: a second offer before the first is answered would
  // cross its answer (the first answer is taken for the second offer, the second finds nothing to answer
  // and the call shows a problem). A restart asked for while a restart offer is out is that offer; one asked
  // for while an ordinary offer is out follows its answer. An offer not answered in 10 s is given up on.
  var OFFER_TIMEOUT_MS = 10000;

  function offer(peer, iceRestart) {
    if (peer.offering) {
      peer.restartAfter = peer.restartAfter || (iceRestart && !peer.offering.iceRestart);
      return;
    }
    peer.offering = { iceRestart: iceRestart };
    peer.offerTimer = setTimeout(function () { answered(peer); }, OFFER_TIMEOUT_MS);
    peer.pc.createOffer({ iceRestart: iceRestart }).then(function (description) {
      return peer.pc.setLocalDescription(description);
    }).then(function () {
      send({ type: 'offer', to: peer.id, sdp: peer.pc.localDescription });
    }).catch(function () {
      answered(peer);
      showProblem();
    });
  }

  // The offer out is answered (or given up on): the next one may go, and a restart asked for meanwhile does.
  function answered(peer) {
    clearTimeout(peer.offerTimer);
    peer.offering = null;
    if (peer.restartAfter) {
      peer.restartAfter = false;
      restartIce(peer);
    }
  }

  function restartIce(peer) {
    if (ended || !peers.has(peer.id)) {
      return;
    }
    if (iOffer(peer)) {
      offer(peer, true);
    } else {
      send({ type: 'restart', to: peer.id });
    }
  }

  function flushCandidates(peer) {
    peer.pending.forEach(function (c) { peer.pc.addIceCandidate(c).catch(function () {}); });
    peer.pending = [];
  }

  // A restart after a network change is over once the new offer and answer are exchanged and the
  // connection is up; until then the person sees "reconnecting", not a "connected" left from the old network.
  function negotiated(peer) {
    if (!peer.restarting) {
      return;
    }
    peer.restarting = 'negotiated';
    if (peer.pc.connectionState === 'connected') {
      peer.restarting = null;
    }
    updateState();
  }

  // A new network (Wi-Fi to mobile, a cable pulled and put back): the old paths are gone even if the
  // connection still says "connected" (the browser notices only after several seconds), so every
  // connection looks for new paths at once.
  var restartTimer = null;

  function networkChanged() {
    offline = false;
    if (!inCall) {
      return;
    }
    peers.forEach(function (peer) {
      peer.restarting = 'asked';
      restartIce(peer);
    });
    updateState();
    // If someone never answers, the connections' own states tell the truth again after a while (counted from
    // the latest change: an earlier change's timer must not cut a newer restart short).
    clearTimeout(restartTimer);
    restartTimer = setTimeout(function () {
      peers.forEach(function (peer) { peer.restarting = null; });
      updateState();
    }, 20000);
  }
  function networkLost() {
    offline = true;
    updateState();
  }
  window.addEventListener('online', networkChanged);
  window.addEventListener('offline', networkLost);
  if (navigator.connection && navigator.connection.addEventListener) {
    navigator.connection.addEventListener('change', function () {
      if (navigator.onLine) {
        networkChanged();
      }
    });
  }

  function showProblem() {
    $('call-problem').hidden = false;
  }

  // ---- What the people see --------------------------------------------------------------

  function updateState() {
    if (ended) {
      return;
    }
    var states = Array.from(peers.values()).map(function (p) { return p.pc.connectionState; });
    var restarting = Array.from(peers.values()).some(function (p) { return p.restarting; });
    if (states.length === 0) {
      setState('waiting');
    } else if (offline || restarting) {
      setState('reconnecting');
    } else if (states.indexOf('connected') >= 0) {
      setState('connected');
    } else if (states.indexOf('failed') >= 0 || states.indexOf('disconnected') >= 0) {
      setState('reconnecting');
    } else {
      setState('connecting');
    }
  }

  // Being in a call is activity: the idle sign-out (idle.js) must not end a specialist's sign-in in the middle
  // of a long call, which makes no other requests. While connected, the sign-in is kept alive every few minutes.
  var KEEP_ALIVE_MS = 4 * 60 * 1000;
  var keepAliveTimer = null;

  function keepAlive() {
    if (ended) {
      clearInterval(keepAliveTimer);
      keepAliveTimer = null;
      return;
    }
    fetch('/api/v1/auth/keep-alive', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'fetch' }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (body) {
      if (body) {
        document.dispatchEvent(new CustomEvent('askel:active', { detail: { idleSeconds: Number(body.idleSeconds || 0) } }));
      }
    }).catch(function () { /* the network is down: the call shows it; the next round tries again */ });
  }

  function setState(state) {
    var el = $('connection-state');
    if (el.dataset.state === state) {
      return;
    }
    if (state === 'connected' && keepAliveTimer === null) {
      keepAlive();
      keepAliveTimer = setInterval(keepAlive, KEEP_ALIVE_MS);
    }
    el.dataset.state = state;
    el.textContent = text('t' + state.charAt(0).toUpperCase() + state.slice(1));
  }

  function announce(message) {
    $('peer-media').textContent = message;
  }

  function showPeerMedia(id, name, audio, video) {
    var message = !audio && !video ? text('tPeerBothOff', name) : !audio ? text('tPeerMuted', name)
        : !video ? text('tPeerCameraOff', name) : '';
    var peer = peers.get(id);
    if (peer) {
      peer.caption.textContent = message ? name + ' – ' + message : name;
    }
    var el = $('peer-media');
    el.dataset.audio = audio;
    el.dataset.video = video;
    el.textContent = message;
  }

  function sendMediaState() {
    send({ type: 'media', audio: !muted, video: !cameraOff });
  }

  $('mute').addEventListener('click', function () {
    muted = !muted;
    if (localStream) {
      localStream.getAudioTracks().forEach(function (t) { t.enabled = !muted; });
    }
    this.setAttribute('aria-pressed', String(muted));
    this.textContent = muted ? text('tUnmute') : text('tMute');
    sendMediaState();
  });

  $('camera').addEventListener('click', function () {
    cameraOff = !cameraOff;
    if (localStream) {
      localStream.getVideoTracks().forEach(function (t) { t.enabled = !cameraOff; });
    }
    this.setAttribute('aria-pressed', String(cameraOff));
    this.textContent = cameraOff ? text('tCameraOn') : text('tCameraOff');
    sendMediaState();
  });

  $('hangup').addEventListener('click', function () {
    send({ type: 'bye' });
    finish(text('tEnded'));
  });

  function finish(message) {
    ended = true;
    inCall = false;
    Array.from(peers.keys()).forEach(removePeer);
    if (ws) {
      ws.close(1000);
    }
    if (localStream) {
      localStream.getTracks().forEach(function (t) { t.stop(); });
    }
    if (audioContext) {
      audioContext.close();
    }
    $('in-call').hidden = true;
    $('ended-text').textContent = message;
    $('call-ended').hidden = false;
    $('call-ended').focus();
  }

  $('chat-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('chat-input');
    var value = input.value.trim();
    if (!value) {
      return;
    }
    send({ type: 'chat', text: value });
    addChat(text('tChatYou'), value);
    input.value = '';
  });

  function addChat(who, message) {
    var item = document.createElement('li');
    if (who) {
      var name = document.createElement('strong');
      name.textContent = who + ': ';
      item.appendChild(name);
    }
    item.appendChild(document.createTextNode(message));
    $('chat-log').appendChild(item);
  }
})();
