// A test double for the browser's speech synthesis (Web Speech API), installed
// before the page's scripts run: it records every call in window.__speech.calls
// and speaks nothing; window.__speech.finish() ends the queued utterances, firing
// their "end" events, as the browser does when it has read them. The page's own
// read-aloud.js runs unchanged against it.
(function () {
  'use strict';
  var calls = [];
  var queue = [];
  function Voice(name, lang) { this.name = name; this.lang = lang; this.voiceURI = name; this.localService = true; this.default = false; }
  var voices = [new Voice('stub-en', 'en-US'), new Voice('stub-zh', 'zh-CN')];

  function Utterance(text) { this.text = text; this.lang = ''; this.voice = null; this.onend = null; }

  var synth = {
    getVoices: function () { return voices.slice(); },
    speak: function (u) { calls.push({call: 'speak', text: u.text, lang: u.lang, voice: u.voice && u.voice.name}); queue.push(u); },
    cancel: function () { calls.push({call: 'cancel'}); queue.length = 0; },
    pause: function () { calls.push({call: 'pause'}); },
    resume: function () { calls.push({call: 'resume'}); },
    addEventListener: function () {},
    removeEventListener: function () {}
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {value: Utterance, configurable: true});
  window.__speech = {
    calls: calls,
    finish: function () {
      queue.splice(0).forEach(function (u) { if (u.onend) u.onend({type: 'end', utterance: u}); });
    }
  };
})();
