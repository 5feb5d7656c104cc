"""GridKeeper: an offline desktop app for community grid stewards (网格员)."""

__version__ = "0.1.0"
APP_NAME = "GridKeeper"
APP_NAME_ZH = "网格管家"
