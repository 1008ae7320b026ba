/* 朗读 (data-module="gk-read-aloud"): reads the item's title and body aloud
   with the browser's speech synthesis, in zh-CN. The control stays hidden
   when the browser has no speech support; 暂停 and 停止 are disabled until
   reading starts; when the browser lists its voices and none is zh-CN, the
   buttons give way to a message saying so (no button that does nothing). */
(function () {
  'use strict';
  var root = document.querySelector('[data-module="gk-read-aloud"]');
  var synth = window.speechSynthesis;
  if (!root || !synth || typeof window.SpeechSynthesisUtterance !== 'function') return;

  var status = root.querySelector('[role="status"]');
  var pauseButton = root.querySelector('[data-action="pause"]');
  var stopButton = root.querySelector('[data-action="stop"]');
  var state = 'stopped';

  function setState(next, quiet) {
    state = next;
    if (!quiet) status.textContent = root.getAttribute('data-text-' + next);
    pauseButton.textContent = root.getAttribute('data-text-' + (next === 'paused' ? 'resume' : 'pause'));
    pauseButton.disabled = stopButton.disabled = next === 'stopped';
  }

  function text() {
    var parts = [];
    var title = document.querySelector('main h1');
    var body = document.querySelector('main .gk-body');
    if (title) parts.push(title.textContent);
    if (body) parts.push(body.innerText || body.textContent);
    return parts.join('\n');
  }

  /* Chromium stops long utterances after about 15 seconds: speak sentence by sentence. */
  function chunks(all) {
    return all.split(/(?<=[。！？；\n])/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function voice() {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (/^zh[-_]CN/i.test(voices[i].lang)) return voices[i];
    }
    return null;
  }

  function start() {
    synth.cancel();
    var parts = chunks(text());
    var zh = voice();
    parts.forEach(function (part, i) {
      var u = new window.SpeechSynthesisUtterance(part);
      u.lang = 'zh-CN';
      if (zh) u.voice = zh;
      if (i === parts.length - 1) u.onend = function () { if (state === 'playing') setState('stopped'); };
      synth.speak(u);
    });
    setState('playing');
  }

  root.addEventListener('click', function (event) {
    var button = event.target.closest('[data-action]');
    if (!button) return;
    var action = button.getAttribute('data-action');
    if (action === 'start') start();
    else if (action === 'pause' && state === 'playing') { synth.pause(); setState('paused'); }
    else if (action === 'pause' && state === 'paused') { synth.resume(); setState('playing'); }
    else if (action === 'stop') { synth.cancel(); setState('stopped'); }
  });
  window.addEventListener('pagehide', function () { synth.cancel(); });

  /* Voices load asynchronously; an empty list says nothing yet. */
  function checkVoices() {
    var voices = synth.getVoices();
    if (!voices.length || voice()) return;
    Array.prototype.forEach.call(root.querySelectorAll('button'), function (b) { b.hidden = true; });
    status.textContent = root.getAttribute('data-text-novoice');
  }
  if (synth.addEventListener) synth.addEventListener('voiceschanged', checkVoices);

  setState('stopped', true);
  checkVoices();
  root.hidden = false;
})();
