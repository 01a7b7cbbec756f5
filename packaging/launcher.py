"""The bundle's entry point (PyInstaller runs this file as __main__): the same as ``vod-app``."""

import sys

from vod_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
