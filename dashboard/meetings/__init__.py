"""Meeting records, extraction of dates, people and figures from Russian text, and checking figures against
the store. Pure logic: nothing here imports streamlit (the view is dashboard/ui/meetings_view.py)."""
