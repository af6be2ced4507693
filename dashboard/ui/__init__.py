"""The Streamlit side: cached loaders, URL state, shared widgets. Only here, app.py and app_pages/ import
streamlit."""
