"""
Arabic: dates with the day first, as Django's Arabic DATE_FORMAT writes them,
also when a time follows (Django has no Arabic DATETIME_FORMAT and would
fall back to the English order). The short date keeps Django's right-to-left
marks (U+200F) after the day and the month, written as escapes.
"""

DATETIME_FORMAT = "j F، Y، g:i A"  # '25 أكتوبر، 2006، 3:00 م'
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"  # '25/10/2006 3:00 م', marked right to left
