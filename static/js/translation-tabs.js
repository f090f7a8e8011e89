/*
 * The language tabs of translated admin forms (django-modeltranslation's
 * tabbed_translation_fields.js builds them, with jQuery UI).
 *
 * - Every tab is labelled with its language's name, in the admin's
 *   language, and says whether its text is filled, missing or older than
 *   the default language's text: as text, so screen readers read it in the
 *   tab's name.
 * - The form opens on the staff member's editing language (their
 *   preferences; Malay unless they chose another), or on the first language
 *   with an error.
 * - All tabs and the language switcher at the top show the same language:
 *   choosing one in any of them chooses it everywhere.
 *
 * The server renders what it knows in #translation-tabs-data
 * (nada_site.translated_admin.tabs_data).
 */
(function () {
  "use strict";

  var TAB_PREFIX = "#tab_";

  function start() {
    var data = document.getElementById("translation-tabs-data");
    if (!data) {
      return;
    }
    var config = JSON.parse(data.textContent);
    var names = {};
    config.languages.forEach(function (language) {
      names[language.code] = language.name;
    });
    var switcher = document.getElementById("modeltranslation-main-switch");
    var current = null;

    function codeOf(text) {
      return text.trim().replace("-", "_");
    }

    function labelTabs() {
      document.querySelectorAll(".ui-tabs-nav > li").forEach(function (tab) {
        var link = tab.querySelector("a");
        if (tab.dataset.language || !link) {
          return;
        }
        var code = codeOf(link.textContent);
        if (!names[code]) {
          return;
        }
        tab.dataset.language = code;
        link.textContent = names[code];
        link.removeAttribute("title");
        var href = link.getAttribute("href") || "";
        var state = href.indexOf(TAB_PREFIX) === 0 ? config.fields[href.slice(TAB_PREFIX.length)] : null;
        if (state) {
          var note = document.createElement("span");
          note.className = "translation-state";
          note.textContent = config.states[state];
          link.append(" ", note);
          tab.classList.add("translation-" + state);
        }
      });
    }

    function labelSwitcher() {
      if (!switcher || switcher.dataset.labelled) {
        return;
      }
      switcher.dataset.labelled = "true";
      Array.prototype.forEach.call(switcher.options, function (option) {
        var code = codeOf(option.textContent);
        option.dataset.language = code;
        option.textContent = names[code] || option.textContent;
      });
      // Out of the page's heading, with a label of its own.
      var box = document.createElement("div");
      box.className = "translation-switcher";
      var label = document.createElement("label");
      label.htmlFor = switcher.id;
      label.textContent = config.switcher;
      var heading = switcher.closest("h1");
      (heading || switcher).after(box);
      box.append(label, " ", switcher);
    }

    // Show `code` in every tab group and in the switcher.
    function choose(code) {
      current = code;
      if (switcher) {
        var option = switcher.querySelector("option[data-language='" + code + "']");
        if (option && switcher.value !== option.value) {
          switcher.value = option.value;
        }
        // django-modeltranslation's own handler turns every tab group to it.
        switcher.dispatchEvent(new Event("change", { bubbles: true }));
      }
      document.querySelectorAll(".ui-tabs-nav > li[data-language='" + code + "']").forEach(function (tab) {
        if (tab.getAttribute("aria-selected") !== "true") {
          tab.querySelector("a").click();
        }
      });
    }

    labelTabs();
    labelSwitcher();

    var withError = document.querySelector(".ui-tabs-nav > li.ui-tab-has-errors");
    var first = withError ? withError.dataset.language : config.language;
    choose(names[first] ? first : config.languages[0].code);

    if (switcher) {
      switcher.addEventListener("change", function () {
        var option = switcher.options[switcher.selectedIndex];
        if (option && option.dataset.language && option.dataset.language !== current) {
          choose(option.dataset.language);
        }
      });
    }

    // A tab chosen by click or keyboard; tabs added with an inline's "Add another".
    new MutationObserver(function (mutations) {
      var chosen = null;
      mutations.forEach(function (mutation) {
        if (mutation.type === "childList") {
          labelTabs();
        } else if (mutation.target.getAttribute("aria-selected") === "true") {
          chosen = mutation.target.dataset.language || chosen;
        }
      });
      if (chosen && chosen !== current) {
        choose(chosen);
      }
    }).observe(document.getElementById("content") || document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-selected"],
    });
  }

  // After django-modeltranslation's script, which builds the tabs when jQuery finds the
  // page ready: once every script has run, a ready handler added now runs after its.
  function whenTabsAreBuilt() {
    if (window.django && window.django.jQuery) {
      window.django.jQuery(start);
    } else {
      start();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", whenTabsAreBuilt);
  } else {
    whenTabsAreBuilt();
  }
})();
