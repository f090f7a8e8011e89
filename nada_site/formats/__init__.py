"""
Date and time formats that differ from Django's own for a language
(settings.FORMAT_MODULE_PATH). Whatever a module here leaves out comes from
Django's formats for that language.
"""
