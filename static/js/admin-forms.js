/*
 * Names the one control of a translated form that comes without a label: the
 * select django-modeltranslation adds beside the form's title to show every
 * field in one language. Its name is the script's data-language-switch-label.
 */
(function () {
  "use strict";
  var label = document.currentScript.dataset.languageSwitchLabel;

  function nameTheSwitch() {
    var select = document.getElementById("modeltranslation-main-switch");
    if (select) {
      select.setAttribute("aria-label", label);
    }
    return Boolean(select);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (nameTheSwitch()) {
      return;
    }
    // django-modeltranslation adds it once jQuery is ready, which may come later.
    var observer = new MutationObserver(function () {
      if (nameTheSwitch()) {
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
})();
