"""The desktop GUI (the only package that imports PySide6)."""

import sys

if sys.version_info < (3, 12):  # pragma: no cover - depends on the interpreter
    import ctypes

    # PySide6 6.12 treats None/True/False as immortal (true only from Python 3.12) and does not add a
    # reference when a void or bool method returns them; on 3.11 each call takes one away until Python
    # frees None and aborts ("none_dealloc") — after a few thousand tree items or a long session.
    # Make them effectively immortal here too.
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
    del _singleton
