/*
 * The accessibility toolbar: each button changes one display preference,
 * saves it for the next pages and says what it did (aria-pressed and a
 * status message). display-preferences.js has already applied the saved
 * choices before the page painted.
 */
(function () {
  "use strict";

  var display = window.nadaDisplay;
  var toolbar = document.querySelector("[data-a11y-toolbar]");
  if (!display || !toolbar) {
    return;
  }
  var status = toolbar.querySelector("[data-a11y-status]");
  var prefs = display.read();

  function label(button) {
    return button.textContent.replace(/\s+/g, " ").trim();
  }

  function sync() {
    toolbar.querySelectorAll("[data-a11y-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-a11y-size") === prefs.size));
    });
    toolbar.querySelectorAll("[data-a11y-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(prefs[button.getAttribute("data-a11y-toggle")] === true));
    });
  }

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  function change() {
    display.write(prefs);
    display.apply(prefs);
    sync();
  }

  toolbar.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !toolbar.contains(button)) {
      return;
    }
    if (button.hasAttribute("data-a11y-size")) {
      prefs.size = button.getAttribute("data-a11y-size");
      change();
      say(toolbar.getAttribute("data-msg-size") + " " + label(button));
    } else if (button.hasAttribute("data-a11y-toggle")) {
      var name = button.getAttribute("data-a11y-toggle");
      prefs[name] = !prefs[name];
      change();
      say(label(button) + ": " + toolbar.getAttribute(prefs[name] ? "data-msg-on" : "data-msg-off"));
    } else if (button.hasAttribute("data-a11y-reset")) {
      display.clear();
      prefs = display.read();
      display.apply(prefs);
      sync();
      say(toolbar.getAttribute("data-msg-reset"));
    }
  });

  // A choice made in another tab applies here too.
  window.addEventListener("storage", function (event) {
    if (event.key === display.KEY || event.key === null) {
      prefs = display.read();
      display.apply(prefs);
      sync();
    }
  });

  sync();
})();
