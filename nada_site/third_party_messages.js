// Messages that the admin's own scripts (its calendar and the two-list
// selector of the roles' permissions) show staff in English, with no Malay or
// Arabic translation in Django's catalogues. Listed here, as Django writes
// them, so that `makemessages -d djangojs` keeps ours in locale/; the
// admin's script catalogue (/admin/jsi18n/) reads them from there. Nothing
// loads this file: it exists for the message extractor.
/* global gettext, ngettext, pgettext */
"use strict";
[
  gettext('Choose %s by selecting them and then select the "Choose" arrow button.'),
  gettext("Choose all %s"),
  gettext("Choose selected %s"),
  gettext("Remove selected %s"),
  gettext('Remove %s by selecting them and then select the "Remove" arrow button.'),
  gettext("Type into this box to filter down the list of selected %s."),
  gettext("(click to clear)"),
  gettext("Remove all %s"),
  ngettext("%s selected option not visible", "%s selected options not visible", 0),
  gettext("Sunday"),
  gettext("Monday"),
  gettext("Tuesday"),
  gettext("Wednesday"),
  gettext("Thursday"),
  gettext("Friday"),
  gettext("Saturday"),
  pgettext("abbrev. day Sunday", "Sun"),
  pgettext("abbrev. day Monday", "Mon"),
  pgettext("abbrev. day Tuesday", "Tue"),
  pgettext("abbrev. day Wednesday", "Wed"),
  pgettext("abbrev. day Thursday", "Thur"),
  pgettext("abbrev. day Friday", "Fri"),
  pgettext("abbrev. day Saturday", "Sat"),
];
