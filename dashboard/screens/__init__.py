"""One module per dashboard page, each with a ``render()`` the app's navigation calls.

(Not named ``pages/``: Streamlit treats a folder of that name beside the script as a legacy
multipage app.)
"""
