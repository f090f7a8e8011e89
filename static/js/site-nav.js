// The main menu behind a "Menu" button on small screens. Without this script
// the button stays hidden and the menu's links are always shown.
(function () {
  "use strict";
  var button = document.querySelector(".site-nav__toggle");
  var nav = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!nav) return;
  button.hidden = false;
  nav.classList.add("site-nav--collapsible");
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("site-nav--open", open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      button.setAttribute("aria-expanded", "false");
      nav.classList.remove("site-nav--open");
      button.focus();
    }
  });
})();
