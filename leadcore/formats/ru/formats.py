"""Where the back office differs from Django's Russian formats: dates in digits, 01.12.2026 12:48.

Everything not set here (separators `30 000,00`, input formats) comes from Django's own `ru` module.
"""

DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
