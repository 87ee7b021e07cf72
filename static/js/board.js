// The facilitator's board: drag a note onto a group (or back to "Noter uden gruppe").
// Dropping submits the note's own "Flyt noten til gruppe" form, which keyboard users use directly,
// so both ways take the same path to the server.
(function () {
  "use strict";
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var note = event.target.closest && event.target.closest("[data-note]");
    if (!note) return;
    dragged = note;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", note.dataset.note);
    note.classList.add("board-note--dragging");
  });
  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("board-note--dragging");
    dragged = null;
    document.querySelectorAll(".board-notes--over").forEach(function (el) {
      el.classList.remove("board-notes--over");
    });
  });
  document.addEventListener("dragover", function (event) {
    var target = event.target.closest && event.target.closest("[data-drop-group]");
    if (!target || !dragged) return;
    event.preventDefault();
    target.classList.add("board-notes--over");
  });
  document.addEventListener("dragleave", function (event) {
    var target = event.target.closest && event.target.closest("[data-drop-group]");
    if (target) target.classList.remove("board-notes--over");
  });
  document.addEventListener("drop", function (event) {
    var target = event.target.closest && event.target.closest("[data-drop-group]");
    if (!target || !dragged) return;
    event.preventDefault();
    var form = dragged.querySelector("[data-move-form]");
    var select = form && form.querySelector("select[name=group]");
    if (!select) return;
    var group = target.getAttribute("data-drop-group");
    if (!Array.prototype.some.call(select.options, function (o) { return o.value === group; })) return;
    select.value = group;
    target.appendChild(dragged);
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  });
})();
