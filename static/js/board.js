// The facilitator's board: drag a note onto a group (or back to "Noter uden gruppe") in its own column.
// Dropping submits the board's one shared form (#note-actions) with the note and the group, the same
// request as the note's "Flyt" form, which keyboard users use.
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
    var form = document.querySelector("[data-move-form]");
    var column = target.closest(".board-column");
    if (!form || !column || column !== dragged.closest(".board-column")) return;
    form.elements.move.value = dragged.dataset.note;
    form.elements.group.value = target.getAttribute("data-drop-group");
    target.appendChild(dragged);
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  });
})();
