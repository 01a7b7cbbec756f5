"""The queries the app needs, each returning immutable domain records.

``CatalogRepository`` is the one object the window and the commands hold; its queries live by what
they serve: catalog/session_lists.py (list pages), catalog/session_details.py (a session's page,
the player's item, caption moments), catalog/filter_options.py (filters, counts), over
catalog/reader.py (the person, the device, texts). One person's own state (positions, bookmarks,
preferences) is catalog/user_state.py.
"""

from __future__ import annotations

from vod_app.catalog.filter_options import FilterOptions
from vod_app.catalog.session_details import SessionDetails
from vod_app.catalog.session_lists import SessionLists


class CatalogRepository(SessionLists, SessionDetails, FilterOptions):
    """The catalog as lists and details; positions and relocations shown are ``person``'s and this
    device's (default: ``--user``/``VOD_APP_USER``/the login name, and the host name)."""
