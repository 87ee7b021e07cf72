// Starts the DKFDS components; after an htmx swap, only inside the swapped element.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (window.DKFDS) {
      window.DKFDS.init();
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (window.DKFDS && event.detail && event.detail.elt) {
      window.DKFDS.init({ scope: event.detail.elt });
    }
  });
})();

// A pulse code in the link's fragment (#kode=...), which browsers never send, goes into the code field;
// the fragment is then removed from the address bar and the history.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var match = /^#kode=([A-Za-z0-9 -]{1,20})$/.exec(window.location.hash);
    var field = document.querySelector("input[name=kode]");
    if (match && field) {
      field.value = decodeURIComponent(match[1]);
      window.history.replaceState(null, "", window.location.pathname);
    }
  });
})();

// The projector's "Fuld skærm": shown only where the browser can go full screen.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-fullscreen]");
    if (!button || !document.fullscreenEnabled) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else {
        document.documentElement.requestFullscreen();
      }
    });
  });
})();
