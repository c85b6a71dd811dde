/*
 * Badge scanner for /badges (the only page that loads it). Reads a badge's QR code from the
 * webcam, or from a chosen picture when there is no camera, and posts its token in the page's
 * login form. Decoding uses the browser's BarcodeDetector where it reads QR codes, else qr's decoder,
 * fetched from our own static files only when needed. What it says comes from the page, in the
 * page's language: the form's data-say-* attributes (views/pages/badge-login.tsx).
 */
(function () {
  "use strict";
  var PREFIX = "FPBADGE:";
  var form = document.getElementById("badge-form");
  if (!form) return;
  var tokenField = form.elements.namedItem("token");
  var statusEl = document.getElementById("badge-status");
  var video = document.getElementById("badge-video");
  var camera = video && video.parentNode;
  var retry = document.getElementById("badge-camera-retry");
  var fileInput = document.getElementById("badge-file");
  var canvas = document.createElement("canvas");
  var ctx2d = canvas.getContext("2d", { willReadFrequently: true });
  var stream = null;
  var timer = 0;
  var busy = false;
  var done = false;
  var decoder = null;

  // JavaScript works: swap the "what is needed" text for the scanner.
  var nojs = document.querySelectorAll("[data-badge-nojs]");
  for (var i = 0; i < nojs.length; i++) nojs[i].hidden = true;
  form.hidden = false;

  /** The page's words for `key` (data-say-<key>), in the page's language. */
  function words(key) {
    return form.getAttribute("data-say-" + key) || "";
  }

  function say(key, more) {
    statusEl.textContent = more ? words(key) + " " + words(more) : words(key);
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.qrDecode) return resolve();
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("decoder did not load")); };
      document.head.appendChild(s);
    });
  }

  /** The browser's own QR reader, when it has one. */
  function nativeDecoder() {
    if (typeof window.BarcodeDetector !== "function") return Promise.resolve(null);
    var formats = window.BarcodeDetector.getSupportedFormats ? window.BarcodeDetector.getSupportedFormats() : Promise.resolve(["qr_code"]);
    return formats
      .then(function (list) {
        if (list.indexOf("qr_code") < 0) return null;
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        return function (source) {
          return detector.detect(source).then(function (codes) {
            for (var i = 0; i < codes.length; i++) if (codes[i].rawValue.indexOf(PREFIX) === 0) return codes[i].rawValue;
            return codes.length ? codes[0].rawValue : null;
          });
        };
      })
      .catch(function () { return null; });
  }

  /** qr's decoder on a canvas copy of the frame or picture (scaled down: big photos are slow to scan). */
  function scriptDecoder() {
    return loadScript(form.getAttribute("data-decoder")).then(function () {
      return function (source, width, height, thorough) {
        var scale = Math.min(1, (thorough ? 1400 : 720) / Math.max(width, height));
        canvas.width = Math.max(1, Math.round(width * scale));
        canvas.height = Math.max(1, Math.round(height * scale));
        ctx2d.drawImage(source, 0, 0, canvas.width, canvas.height);
        var img = ctx2d.getImageData(0, 0, canvas.width, canvas.height);
        try {
          // A picture is read once, so it may try harder than a camera frame (effort: retries).
          return window.qrDecode({ width: img.width, height: img.height, data: img.data }, { format: "RGBA", effort: thorough ? 4 : 1 });
        } catch (e) {
          return null; // no code in this frame
        }
      };
    });
  }

  function getDecoder() {
    if (!decoder) {
      decoder = nativeDecoder().then(function (d) {
        return d || scriptDecoder();
      });
    }
    return decoder;
  }

  /** Submits the form when `text` is a badge; false when it is not. */
  function found(text) {
    if (done || !text || text.indexOf(PREFIX) !== 0) return false;
    done = true;
    stopCamera();
    tokenField.value = text.slice(PREFIX.length);
    say("found");
    form.submit();
    return true;
  }

  function stopCamera() {
    if (timer) clearInterval(timer);
    timer = 0;
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
  }

  function noCamera(why) {
    stopCamera();
    if (camera) camera.hidden = true;
    if (retry) retry.hidden = false;
    say(why, "choose-instead");
  }

  function scanFrame() {
    if (busy || done || !video.videoWidth) return;
    busy = true;
    getDecoder()
      .then(function (decode) { return decode(video, video.videoWidth, video.videoHeight, false); })
      .then(function (text) {
        if (text && !found(text)) say("not-a-badge");
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }

  function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      noCamera("no-camera-api");
      return;
    }
    say("starting");
    if (camera) camera.hidden = false;
    if (retry) retry.hidden = true;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "user" }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        return video.play();
      })
      .then(function () {
        say("hold-up");
        getDecoder();
        timer = setInterval(scanFrame, 250);
      })
      .catch(function (err) {
        var blocked = err && (err.name === "NotAllowedError" || err.name === "SecurityError");
        noCamera(blocked ? "blocked" : "not-found");
      });
  }

  /** The chosen picture as something a decoder can read. */
  function loadPicture(file) {
    if (typeof window.createImageBitmap === "function") {
      return window.createImageBitmap(file).then(function (bmp) {
        return { source: bmp, width: bmp.width, height: bmp.height };
      });
    }
    return new Promise(function (resolve, reject) {
      var img = new Image();
      var url = URL.createObjectURL(file);
      img.onload = function () {
        URL.revokeObjectURL(url);
        resolve({ source: img, width: img.naturalWidth, height: img.naturalHeight });
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        reject(new Error("not an image"));
      };
      img.src = url;
    });
  }

  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    say("reading");
    Promise.all([loadPicture(file), getDecoder()])
      .then(function (r) { return r[1](r[0].source, r[0].width, r[0].height, true); })
      .then(function (text) {
        if (found(text)) return;
        say(text ? "picture-not-a-badge" : "picture-no-badge");
      })
      .catch(function () { say("picture-unreadable"); })
      .then(function () { if (!done) fileInput.value = ""; });
  });

  if (retry) retry.addEventListener("click", startCamera);
  window.addEventListener("pagehide", stopCamera);
  startCamera();
})();
