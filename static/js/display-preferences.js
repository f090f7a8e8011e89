/*
 * Display preferences chosen in the accessibility toolbar.
 *
 * Loaded in <head> without `defer` or `async`, so it runs before the body is
 * parsed: the saved choices are set on <html> (classes and a data attribute
 * that the stylesheet reads) before the first paint, and the page never
 * flashes in the default style. It also marks <html> with the `js` class,
 * which shows the toolbar only where it can work.
 */
(function () {
  "use strict";

  var KEY = "nada-display";
  var SIZES = ["100", "125", "150", "175", "200"];
  var TOGGLES = ["font", "contrast", "calm", "links", "spacing"];
  var root = document.documentElement;

  function read() {
    var saved = null;
    try {
      saved = JSON.parse(window.localStorage.getItem(KEY));
    } catch (error) {
      saved = null; // Storage blocked or unreadable: the defaults apply.
    }
    var prefs = { size: "100" };
    if (saved && typeof saved === "object") {
      if (SIZES.indexOf(String(saved.size)) !== -1) {
        prefs.size = String(saved.size);
      }
      TOGGLES.forEach(function (name) {
        prefs[name] = saved[name] === true;
      });
    }
    return prefs;
  }

  function write(prefs) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch (error) {
      // Storage blocked: the choice still applies to this page.
    }
  }

  function clear() {
    try {
      window.localStorage.removeItem(KEY);
    } catch (error) {
      // Nothing saved, nothing to remove.
    }
  }

  function apply(prefs) {
    if (prefs.size && prefs.size !== "100") {
      root.setAttribute("data-text-size", prefs.size);
    } else {
      root.removeAttribute("data-text-size");
    }
    TOGGLES.forEach(function (name) {
      root.classList.toggle("a11y-" + name, prefs[name] === true);
    });
  }

  root.classList.add("js");
  apply(read());

  window.nadaDisplay = {
    KEY: KEY,
    SIZES: SIZES,
    TOGGLES: TOGGLES,
    read: read,
    write: write,
    clear: clear,
    apply: apply
  };
})();
