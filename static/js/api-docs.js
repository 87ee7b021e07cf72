// "Prøv" on the API documentation page: calls the endpoint with the signed-in session and shows the answer.
(function () {
  "use strict";
  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("api-try")) {
      return;
    }
    event.preventDefault();
    var path = form.dataset.path;
    var query = new URLSearchParams();
    var body = null;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.value === "") {
        return;
      }
      if (field.name === "__body") {
        body = field.value;
      } else if (field.dataset.in === "path") {
        path = path.replace("{" + field.name + "}", encodeURIComponent(field.value));
      } else {
        query.append(field.name, field.value);
      }
    });
    var url = path + (query.toString() ? "?" + query.toString() : "");
    var output = document.getElementById(form.dataset.output);
    fetch(url, {
      method: form.dataset.method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: body,
    })
      .then(function (response) {
        return response.text().then(function (text) {
          var pretty = text;
          try {
            pretty = JSON.stringify(JSON.parse(text), null, 2);
          } catch (e) {
            // not JSON: show it as it came
          }
          output.textContent = "";
          var status = document.createElement("p");
          status.textContent = form.dataset.method + " " + url + " → " + response.status;
          var pre = document.createElement("pre");
          pre.className = "api-response";
          pre.tabIndex = 0;
          pre.textContent = pretty;
          output.appendChild(status);
          output.appendChild(pre);
        });
      })
      .catch(function (error) {
        output.textContent = String(error);
      });
  });
})();
