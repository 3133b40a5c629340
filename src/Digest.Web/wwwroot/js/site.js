// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // "/" focuses the search box, as on most search sites; ignored while typing in a field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.querySelector("[data-search-box]");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // Copy buttons are hidden until script can make them work.
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy BibTeX"; }, 1500);
      });
    });
  });

  // Vote and save buttons update in place instead of reloading the page. Any failure (signed out, a limit, no
  // network) falls back to the plain form post, whose answer page says what went wrong.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-reader-action") || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (state) {
        var on = form.getAttribute("data-reader-action") === "vote" ? state.voted : state.saved;
        button.setAttribute("aria-pressed", on ? "true" : "false");
        form.querySelector("input[name=on]").value = on ? "false" : "true";
        if (typeof state.votes === "number") {
          button.setAttribute("data-votes", String(state.votes));
          button.querySelector(".votes-count").textContent = String(state.votes);
          button.querySelector("[data-votes-noun]").textContent = state.votes === 1 ? "vote" : "votes";
        } else {
          button.textContent = on ? button.getAttribute("data-on") : button.getAttribute("data-off");
        }
        button.disabled = false;
      })
      .catch(function () {
        button.disabled = false;
        form.submit();
      });
  });
})();
