// Casework pages: small progressive enhancements. The pages work without this file.
// Loaded from this host (Content-Security-Policy: script-src 'self'); no inline handlers anywhere.
(function () {
  "use strict";

  // Move focus to an error summary when a page shows one, so keyboard and screen-reader users land on it.
  function focusErrorSummary(root) {
    var summary = (root || document).querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  // A form with data-confirm asks before an irreversible action (e.g. a decision).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // Buttons of a submitted form say they are busy and cannot be pressed twice.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
      return;
    }
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.setAttribute("aria-disabled", "true");
      button.classList.add("utrecht-button--busy");
    });
  });

  document.addEventListener("DOMContentLoaded", function () { focusErrorSummary(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrorSummary(event.target); });
})();
