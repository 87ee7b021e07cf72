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
