"""
Malay: times on the 24-hour clock, as Malaysian government sites write them
(15:00). Django's Malay formats use "3 p.m.", whose Malay words cannot say
afternoon, evening and night apart.
"""

TIME_FORMAT = "H:i"  # '15:00'
DATETIME_FORMAT = "j M Y, H:i"  # '25 Okt 2006, 15:00'
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # '25/10/2006 15:00'
