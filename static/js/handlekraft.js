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

// Reflow: a data table wider than the page scrolls inside a box of its own, never the page. The box is
// focusable and named (after the table's caption or the heading above it) only while it does scroll.
(function () {
  "use strict";
  function label(table) {
    var caption = table.querySelector("caption");
    if (caption) {
      return caption.textContent.trim();
    }
    var by = table.getAttribute("aria-labelledby");
    var named = by && document.getElementById(by);
    if (named) {
      return named.textContent.trim();
    }
    for (var node = table.parentElement; node && node !== document.body; node = node.parentElement) {
      var heading = null;
      for (var sibling = node.previousElementSibling; sibling && !heading; sibling = sibling.previousElementSibling) {
        heading = /^H[1-6]$/.test(sibling.tagName) ? sibling : sibling.querySelector("h1, h2, h3, h4, h5, h6");
      }
      if (heading) {
        return heading.textContent.trim();
      }
    }
    return document.title;
  }
  function fit(scope) {
    scope.querySelectorAll("main table.table").forEach(function (table) {
      var box = table.parentElement;
      if (box.classList.contains("table--responsive-scroll")) {
        box.classList.add("table-scroll");
      }
      if (!box.classList.contains("table-scroll")) {
        box = document.createElement("div");
        box.className = "table-scroll";
        table.parentNode.insertBefore(box, table);
        box.appendChild(table);
      }
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label(table));
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    fit(document);
  });
  document.addEventListener("htmx:afterSettle", function () {
    fit(document);
  });
  var waiting = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(waiting);
    waiting = window.setTimeout(function () {
      fit(document);
    }, 150);
  });
})();

// A long list of checkboxes (colleagues, professions) with a search box: typing shows the choices that
// match; the chosen ones stay in view. Without JavaScript every checkbox is shown, as before.
(function () {
  "use strict";
  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function enhance(box) {
    var fieldset = box.closest("fieldset");
    var search = box.querySelector("[data-picker-search]");
    var found = box.querySelector("[data-picker-found]");
    var options = Array.prototype.slice.call(fieldset.querySelectorAll(".form-group-checkbox"));
    function update() {
      var words = plain(search.value.trim());
      var matching = 0;
      var chosen = 0;
      options.forEach(function (option) {
        var checked = option.querySelector("input").checked;
        var hit = words !== "" && plain(option.textContent).indexOf(words) !== -1;
        option.hidden = !(checked || hit);
        matching += hit ? 1 : 0;
        chosen += checked ? 1 : 0;
      });
      var text = words === "" ? box.dataset.none + (chosen ? " " + box.dataset.chosen : "") : box.dataset.found;
      found.textContent = text.replace("{found}", matching).replace("{chosen}", chosen);
    }
    box.hidden = false;
    search.addEventListener("input", update);
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault(); // Enter in the search box does not send the story
      }
    });
    fieldset.addEventListener("change", update);
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-picker]").forEach(enhance);
  });
})();
