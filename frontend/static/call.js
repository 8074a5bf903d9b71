// The video call page: a device check, then a one-to-one WebRTC call. Signalling goes through
// Askel's WebSocket (/calls/{id}/signal); media goes directly between the two browsers (or through
// the provider's TURN server), never through Askel. The specialist's browser always makes the offer,
// the client's answers, so the two never offer at once.
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
  var pc = null;
  var pendingCandidates = [];
  var inCall = false;
  var ended = false;
  var reconnectDelay = 1000;
  var disconnectTimer = null;
  var audioContext = null;
  var muted = false;
  var cameraOff = false;

  function text(key) {
    return (T[key] || '').replace('{name}', peerName);
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
    if (pc) {
      pc.getSenders().forEach(function (sender) {
        if (!sender.track) {
          return;
        }
        var replacement = stream.getTracks().filter(function (t) { return t.kind === sender.track.kind; })[0];
        if (replacement) {
          sender.replaceTrack(replacement);
        }
      });
    }
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

  function isSpecialist() {
    return settings && settings.role === 'SPECIALIST';
  }

  function handle(m) {
    if (ended) {
      return;
    }
    switch (m.type) {
      case 'welcome':
        peerName = m.peerName;
        if (m.peerPresent) {
          startPeer();
        } else if (!pc || pc.connectionState !== 'connected') {
          setState('waiting');
        }
        sendMediaState();
        break;
      case 'peer-joined':
        announce(text('tPeerJoined'));
        startPeer();
        sendMediaState();
        break;
      case 'offer':
        if (!pc) {
          newPeerConnection();
        }
        pc.setRemoteDescription(m.sdp).then(function () {
          flushCandidates();
          return pc.createAnswer();
        }).then(function (answer) {
          return pc.setLocalDescription(answer);
        }).then(function () {
          send({ type: 'answer', sdp: pc.localDescription });
        }).catch(showProblem);
        break;
      case 'answer':
        if (pc) {
          pc.setRemoteDescription(m.sdp).then(flushCandidates).catch(showProblem);
        }
        break;
      case 'candidate':
        if (pc && pc.remoteDescription) {
          pc.addIceCandidate(m.candidate).catch(function () { /* a stale candidate after a restart */ });
        } else {
          pendingCandidates.push(m.candidate);
        }
        break;
      case 'restart':
        if (isSpecialist() && pc) {
          offer(true);
        }
        break;
      case 'media':
        showPeerMedia(m.audio !== false, m.video !== false);
        break;
      case 'chat':
        addChat(peerName, m.text);
        break;
      case 'bye':
        finish(text('tPeerBye'));
        break;
      case 'peer-left':
        closePeer();
        setState('lost');
        announce(text('tPeerLeft'));
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
      case 'error':
        if (m.reason === 'peer-absent') {
          addChat('', text('tChatAbsent'));
        }
        break;
      default:
        break;
    }
  }

  // ---- The peer connection --------------------------------------------------------------

  function startPeer() {
    newPeerConnection();
    setState('connecting');
    if (isSpecialist()) {
      offer(false);
    }
  }

  function newPeerConnection() {
    closePeer();
    pendingCandidates = [];
    pc = new RTCPeerConnection({ iceServers: settings.iceServers || [] });
    localStream.getTracks().forEach(function (track) { pc.addTrack(track, localStream); });
    var connection = pc;
    pc.ontrack = function (event) {
      $('remote-video').srcObject = event.streams[0];
    };
    pc.onicecandidate = function (event) {
      if (event.candidate) {
        send({ type: 'candidate', candidate: event.candidate });
      }
    };
    pc.onconnectionstatechange = function () {
      if (connection !== pc) {
        return;
      }
      clearTimeout(disconnectTimer);
      switch (pc.connectionState) {
        case 'connected':
          setState('connected');
          $('call-problem').hidden = true;
          break;
        case 'disconnected':
          setState('reconnecting');
          // Often a short network change; restart ICE if it does not come back on its own.
          disconnectTimer = setTimeout(restartIce, 3000);
          break;
        case 'failed':
          setState('reconnecting');
          restartIce();
          $('call-problem').hidden = false;
          break;
        default:
          break;
      }
    };
  }

  function offer(iceRestart) {
    pc.createOffer({ iceRestart: iceRestart }).then(function (description) {
      return pc.setLocalDescription(description);
    }).then(function () {
      send({ type: 'offer', sdp: pc.localDescription });
    }).catch(showProblem);
  }

  function restartIce() {
    if (!pc || ended) {
      return;
    }
    if (isSpecialist()) {
      offer(true);
    } else {
      send({ type: 'restart' });
    }
  }

  function flushCandidates() {
    pendingCandidates.forEach(function (c) { pc.addIceCandidate(c).catch(function () {}); });
    pendingCandidates = [];
  }

  function closePeer() {
    if (pc) {
      pc.ontrack = null;
      pc.onicecandidate = null;
      pc.onconnectionstatechange = null;
      pc.close();
      pc = null;
    }
    $('remote-video').srcObject = null;
  }

  // A new network (Wi-Fi to mobile, a cable pulled and put back): find a new path at once.
  window.addEventListener('online', function () {
    if (inCall && pc && pc.connectionState !== 'connected') {
      restartIce();
    }
  });
  if (navigator.connection && navigator.connection.addEventListener) {
    navigator.connection.addEventListener('change', function () {
      if (inCall && pc) {
        restartIce();
      }
    });
  }

  function showProblem() {
    $('call-problem').hidden = false;
  }

  // ---- What the people see --------------------------------------------------------------

  function setState(state) {
    var el = $('connection-state');
    el.dataset.state = state;
    el.textContent = text('t' + state.charAt(0).toUpperCase() + state.slice(1));
  }

  function announce(message) {
    $('peer-media').textContent = message;
  }

  function showPeerMedia(audio, video) {
    var el = $('peer-media');
    el.dataset.audio = audio;
    el.dataset.video = video;
    el.textContent = !audio && !video ? text('tPeerBothOff') : !audio ? text('tPeerMuted') : !video ? text('tPeerCameraOff') : '';
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
    clearTimeout(disconnectTimer);
    closePeer();
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
