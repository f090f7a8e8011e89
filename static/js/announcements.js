/*
 * Announcements on the home page: each has a "Hide this announcement"
 * button. The choice stays in this browser (localStorage, never a cookie:
 * the cached page is the same for everyone), keyed by the announcement's
 * number and the time it last changed, so a changed announcement shows
 * again. Without this script every announcement simply shows.
 */
(function () {
  "use strict";

  var KEY = "nada-hidden-announcements";
  var KEEP = 50; // Only the latest choices are kept: the older announcements have ended.
  var region = document.querySelector("[data-announcements]");
  if (!region) {
    return;
  }
  var status = region.querySelector("[data-announcements-status]");

  function read() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(stored) ? stored.filter(function (item) { return typeof item === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function write(hidden) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(hidden.slice(-KEEP)));
      return true;
    } catch (error) {
      return false; // Storage refused (private mode, full): hidden for this page only.
    }
  }

  var hidden = read();
  var items = Array.prototype.slice.call(region.querySelectorAll("[data-announcement]"));

  function visibleItems() {
    return items.filter(function (item) { return !item.hidden; });
  }

  items.forEach(function (item) {
    var version = item.getAttribute("data-announcement");
    if (hidden.indexOf(version) !== -1) {
      item.hidden = true;
      return;
    }
    var button = item.querySelector("[data-announcement-hide]");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = visibleItems();
      var after = next[next.indexOf(item) + 1] || next[next.indexOf(item) - 1];
      hidden = read().filter(function (value) { return value !== version; });
      hidden.push(version);
      write(hidden);
      item.hidden = true;
      if (status) {
        status.textContent = status.getAttribute("data-hidden-message");
      }
      // Keep the keyboard's place: the next announcement's button, or the section's heading.
      var target = after && after.querySelector("[data-announcement-hide]");
      if (!target) {
        target = region.querySelector("h2");
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    });
  });
})();
